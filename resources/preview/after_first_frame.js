// Tells the window when the page's first frame is on screen: a console
// message (PAINTED_MESSAGE in ui/preview/preview_page.py) at the fourth
// animation frame after the document is ready. The first callback comes
// before the first frame is drawn; Chromium begins a frame only once the
// window has taken the one before, so three more mean the first one has
// been shown. With the message at the second callback, the window's tools
// (built on its UI thread as the message arrives) still came before the
// benchmark saw the title painted in one launch of about ten; at the fourth
// in 2 of 30 timelines under Xvfb, each time by the tools' 0.1 s.
// Installed on every page load, in Qt's isolated world. One argument: the
// message.
(function (message) {
  var frames = 0;
  function counted() {
    frames += 1;
    if (frames === 4) console.log(message);
    else requestAnimationFrame(counted);
  }
  requestAnimationFrame(counted);
})
