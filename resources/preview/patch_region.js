// Replace one region of the page (the element with this data-field) by its
// new HTML; an empty HTML removes it. True when done; false when the region
// should be there and is not (the window then reloads the page).
(function (name, html) {
  var element = document.querySelector('[data-field="' + name + '"]');
  if (!element) return html === '';
  if (html === '') { element.remove(); return true; }
  element.outerHTML = html;
  return true;
})
