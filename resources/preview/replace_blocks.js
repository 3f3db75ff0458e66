// Remove `removed` blocks of the body from `start` and put the blocks in
// `htmls` there. Blocks are children of the body region, each preceded by a
// "\n" text node and the last followed by one, exactly as the template
// writes them; anything else returns false (the window then reloads).
(function (start, removed, htmls) {
  var body = document.querySelector('[data-field="blocks"]');
  if (!body || start + removed > body.children.length) return false;
  for (var i = 0; i < removed; i++) {
    var gone = body.children[start];
    if (gone.previousSibling && gone.previousSibling.nodeType === 3) gone.previousSibling.remove();
    gone.remove();
  }
  var next = body.children[start];
  var anchor = next ? next.previousSibling : body.lastChild;
  if (!anchor || anchor.nodeType !== 3) return false;
  var template = document.createElement('template');
  htmls.forEach(function (html) {
    template.innerHTML = html;
    body.insertBefore(document.createTextNode('\n'), anchor);
    body.insertBefore(template.content.firstElementChild, anchor);
  });
  return true;
})
