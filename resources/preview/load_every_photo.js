// Before printing: photos after the first are lazy-loaded, and below the
// fold of the preview they are not loaded yet, so a print made then leaves
// them out. Make them all eager and return how many are still loading.
(() => {
  const images = Array.from(document.images);
  images.forEach((image) => { image.loading = "eager"; });
  return images.filter((image) => !image.complete).length;
})
