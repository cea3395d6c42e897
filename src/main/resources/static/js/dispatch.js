// Dispatch screens: the queue keeps the user's place while it refreshes itself, says when a new 特急 ticket arrives
// (and beeps if the user switched the sound on), and the unit lists can be filtered by typing.
(function () {
  var SOUND_KEY = 'hotline.dispatch.sound';
  var audio = null;

  function soundOn() {
    try { return window.localStorage.getItem(SOUND_KEY) === 'on'; } catch (e) { return false; }
  }

  // A short two-tone alarm made with the Web Audio API: no audio file to load.
  function beep() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    if (!audio) { audio = new Context(); }
    if (audio.state === 'suspended') { audio.resume(); }
    var start = audio.currentTime;
    [880, 660, 880].forEach(function (frequency, i) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.22);
      gain.gain.exponentialRampToValueAtTime(0.15, start + i * 0.22 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.22 + 0.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + i * 0.22);
      oscillator.stop(start + i * 0.22 + 0.21);
    });
  }

  function showSound(button) {
    var on = soundOn();
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    button.textContent = '♪ ' + button.getAttribute(on ? 'data-label-on' : 'data-label-off');
  }

  function criticalTickets(root) {
    var seen = {};
    root.querySelectorAll('tr[data-level="CRITICAL"]').forEach(function (row) { seen[row.getAttribute('data-ticket')] = true; });
    return seen;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('sound-toggle');
    if (button) {
      showSound(button);
      button.addEventListener('click', function () {
        var on = !soundOn();
        try { window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off'); } catch (e) { /* private mode: stays off */ }
        showSound(button);
        if (on) { beep(); }  // the click is the gesture that lets the browser play sound
      });
    }

    var table = document.getElementById('queue-table');
    if (table) {
      var known = criticalTickets(table);
      var focusKey = null;
      table.addEventListener('htmx:beforeSwap', function () {
        var active = document.activeElement;
        focusKey = (active && table.contains(active)) ? active.getAttribute('data-focus-key') : null;
      });
      table.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.requestConfig && event.detail.requestConfig.elt !== table) {
          known = criticalTickets(table);  // "更多" brought older rows: nothing new arrived
          return;
        }
        if (focusKey) {
          var again = table.querySelector('[data-focus-key="' + focusKey + '"]');
          if (again) { again.focus({ preventScroll: true }); }
        }
        var now = criticalTickets(table);
        var arrived = Object.keys(now).filter(function (no) { return !known[no]; });
        known = now;
        if (arrived.length > 0) {
          var announce = document.getElementById('queue-announce');
          if (announce) { announce.textContent = announce.getAttribute('data-new-critical') + ' ' + arrived.join('、'); }
          if (soundOn()) { beep(); }
        }
      });
    }

    // Type to filter a long list of units; choosing one in the "other unit" list selects that radio.
    document.querySelectorAll('input.unit-filter[data-filter]').forEach(function (input) {
      var select = document.getElementById(input.getAttribute('data-filter'));
      if (!select) { return; }
      input.addEventListener('input', function () {
        var query = input.value.trim().toLowerCase();
        Array.prototype.forEach.call(select.options, function (option) {
          option.hidden = query !== '' && option.value !== '' &&
            option.text.toLowerCase().indexOf(query) < 0 && option.value.toLowerCase().indexOf(query) < 0;
        });
      });
    });
    document.querySelectorAll('select[data-selects-other]').forEach(function (select) {
      select.addEventListener('change', function () {
        var radio = select.form && select.form.querySelector('input[data-other-lead]');
        if (radio && select.value !== '') { radio.checked = true; }
      });
    });
  });
})();
