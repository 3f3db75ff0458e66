// A click on a block of the preview tells the window which block it was:
// a console message, the prefix (SELECT_MESSAGE in ui/preview/preview_page.py)
// followed by the block's id, which the page reads back. Installed on every
// page load, in Qt's isolated world: the page's own scripts cannot see or
// call it. One argument: the prefix.
(function (prefix) {
  document.addEventListener('click', function (event) {
    var block = event.target.closest('[data-block]');
    if (block) console.log(prefix + block.getAttribute('data-block'));
  }, true);
})
