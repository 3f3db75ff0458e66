// `toa-soan self-check`: what a reader of the preview would see, read in the
// page's own DOM, as a JSON string: whether the page is loaded, its heading,
// how many photos it has and the first one's decoded size (null until it is
// decoded and sized as the export sizes it), and what Chromium's ICU data
// says of Vietnamese: its collation (ă is a letter after a, so "ao" comes
// before "ăn"), upper case and month names (ui/self_check.py checks them).
(() => {
  const title = document.querySelector('h1');
  const photo = document.querySelector('figure.photo img');
  return JSON.stringify({
    ready: document.readyState,
    title: title ? title.textContent : null,
    photos: document.querySelectorAll('figure.photo').length,
    first_photo: photo && photo.complete && photo.naturalWidth > 0 && photo.hasAttribute('width')
      ? [photo.naturalWidth, photo.naturalHeight] : null,
    vietnamese: {
      sorted: ['ba', 'ăn', 'ao'].sort(new Intl.Collator('vi').compare).join(' '),
      upper: 'đường phố'.toLocaleUpperCase('vi'),
      month: new Intl.DateTimeFormat('vi', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 15))),
    },
  });
})
