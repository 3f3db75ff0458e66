// Tells the window when the page's first frame is drawn: a console
// message (PAINTED_MESSAGE in ui/preview/preview_page.py) two animation
// frames after the document is ready, the first callback coming before a
// frame is drawn and the second once it has been. Installed on every page
// load, in Qt's isolated world. One argument: the message.
(function (message) {
  requestAnimationFrame(function () {
    requestAnimationFrame(function () { console.log(message); });
  });
})
