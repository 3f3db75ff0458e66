// The head's title and metadata, as the template writes them. `values` maps
// a selector to its new content (null: the element should not be there); an
// element that should appear or disappear makes the patch fail, and the page
// reloads. The sharing metadata and structured data
// (editor/structured_data.py), each element after a line break, just before
// the stylesheet's, are replaced as a whole by their new rendering, `sharing`.
(function (title, values, sharing) {
  document.title = title;
  var kept = Object.keys(values).every(function (selector) {
    var element = document.head.querySelector(selector);
    var value = values[selector];
    if (!element || value === null) return !element && value === null;
    element.setAttribute(element.tagName === 'LINK' ? 'href' : 'content', value);
    return true;
  });
  var style = document.head.querySelector('style');
  if (!kept || !style || !style.previousSibling || style.previousSibling.nodeType !== 3) return false;
  var old = 'meta[property^="og:"], meta[property^="article:"], meta[name^="twitter:"], script[type="application/ld+json"]';
  document.head.querySelectorAll(old).forEach(function (element) {
    if (element.previousSibling && element.previousSibling.nodeType === 3) element.previousSibling.remove();
    element.remove();
  });
  var template = document.createElement('template');
  template.innerHTML = sharing;
  document.head.insertBefore(template.content, style.previousSibling);
  return true;
})
