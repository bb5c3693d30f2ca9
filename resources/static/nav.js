// On a phone the channel strip scrolls sideways: bring this page's channel into view.
(function () {
  var a = document.querySelector(".channels a[aria-current]"), ul = a && a.closest("ul");
  if (ul && ul.scrollWidth > ul.clientWidth) {
    ul.scrollLeft += a.getBoundingClientRect().left - ul.getBoundingClientRect().left
      - (ul.clientWidth - a.offsetWidth) / 2;
  }
})();
