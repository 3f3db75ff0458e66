// A photo block's picture, made again (a draft's copy replaced by this
// computer's, under a new address): its <img> takes the new HTML's
// address and sizes in place, so the picture shown stays on screen until
// the new one is decoded (the image's pending request), never a blank box.
// A block that differs otherwise, or whose <img> has other attributes (a
// photo shown for the first time gets its sizes), is replaced whole, as
// patch_block does: the page's DOM stays the export's, attribute order too.
(function (id, html) {
  var element = document.querySelector('[data-block="' + CSS.escape(id) + '"]');
  if (!element) return false;
  var template = document.createElement('template');
  template.innerHTML = html;
  var fresh = template.content.firstElementChild;
  var image = element.querySelector('img');
  var freshImage = fresh ? fresh.querySelector('img') : null;
  var names = function (node) { return Array.prototype.map.call(node.attributes, function (a) { return a.name; }).join(' '); };
  var IN_PLACE = ['src', 'srcset', 'sizes', 'width', 'height'];
  var withoutAddress = function (node) {
    var copy = node.cloneNode(true);
    var picture = copy.querySelector('img');
    IN_PLACE.forEach(function (name) { picture.removeAttribute(name); });
    return copy;
  };
  if (!image || !freshImage || names(image) !== names(freshImage) || !withoutAddress(element).isEqualNode(withoutAddress(fresh))) {
    element.outerHTML = html;
    return true;
  }
  IN_PLACE.forEach(function (name) {
    var value = freshImage.getAttribute(name);
    if (value !== null && image.getAttribute(name) !== value) image.setAttribute(name, value);
  });
  return true;
})
