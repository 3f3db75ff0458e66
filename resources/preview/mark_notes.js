// Outline the blocks with open notes (their ids), and only those: a dashed
// orange line around each. Only the preview does this; the exported page
// never has it.
(function (ids) {
  document.querySelectorAll('[data-note-open]').forEach(function (e) {
    e.removeAttribute('data-note-open'); e.style.outline = ''; e.style.outlineOffset = ''; });
  ids.forEach(function (id) {
    var e = document.querySelector('[data-block="' + CSS.escape(id) + '"]');
    if (e) { e.setAttribute('data-note-open', '1'); e.style.outline = '2px dashed #d9822b';
      e.style.outlineOffset = '4px'; } });
  return true;
})
