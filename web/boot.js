// A classic script, so that it runs where the page's module cannot: opened from disk (file://),
// browsers block module scripts and workers, and the page would wait on «Starter kalkulatoren …»
// for ever. Here it says instead, in one sentence, what to do.
(function () {
  'use strict';
  if (window.location.protocol !== 'file:') return;
  var TEXT = {
    nb: 'Kalkulatoren kan ikke kjøre fra en fil på disken, fordi nettleseren da stopper skriptene: ' +
      'start den med ./scripts/start.sh og åpne http://127.0.0.1:8080/, eller bruk den publiserte nettsiden.',
    en: 'The calculator cannot run from a file on disk, because the browser then blocks its scripts: ' +
      'start it with ./scripts/start.sh and open http://127.0.0.1:8080/, or use the published web page.',
  };
  function lang() {
    var hash = /[#&]sprak=(nb|en)\b/.exec(window.location.hash);
    if (hash) return hash[1];
    try {
      if (window.localStorage.getItem('arsverk.lang') === 'en') return 'en';
    } catch (e) { /* storage may be blocked from disk */ }
    return (navigator.language || '').slice(0, 2) === 'en' ? 'en' : 'nb';
  }
  function show() {
    var status = document.getElementById('status');
    if (!status) return;
    var l = lang();
    status.textContent = TEXT[l];
    status.lang = l;
    status.className = 'from-disk';
    document.body.dataset.ready = 'file';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
