// Replace one block's element (data-block is its id) by its new HTML.
// False when the block is not on the page (the window then reloads it).
(function (id, html) {
  var element = document.querySelector('[data-block="' + CSS.escape(id) + '"]');
  if (!element) return false;
  element.outerHTML = html;
  return true;
})
