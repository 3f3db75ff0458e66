// `toa-soan self-check`: what a reader of the preview would see, read in the
// page's own DOM, as a JSON string: whether the page is loaded, its heading,
// how many photos it has and the first one's decoded size (null until it is
// decoded and sized as the export sizes it).
(() => {
  const title = document.querySelector('h1');
  const photo = document.querySelector('figure.photo img');
  return JSON.stringify({
    ready: document.readyState,
    title: title ? title.textContent : null,
    photos: document.querySelectorAll('figure.photo').length,
    first_photo: photo && photo.complete && photo.naturalWidth > 0 && photo.hasAttribute('width')
      ? [photo.naturalWidth, photo.naturalHeight] : null,
  });
})
