// Bring a block into view, only if it is not in view already: the reader's
// place does not move while the user types in a visible block.
(function (id) {
  var e = document.querySelector('[data-block="' + CSS.escape(id) + '"]');
  if (!e) return false;
  var r = e.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) e.scrollIntoView({block: 'center'});
  return true;
})
