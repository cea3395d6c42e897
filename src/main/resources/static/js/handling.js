// Unit ticket page: refuse a too-large or too-many photo choice before a slow field upload starts.
// The server checks again (size, and the image type by its first bytes); this only saves the unit the wait.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var error = document.getElementById(input.id + '-error');
    input.addEventListener('change', function () {
      var max = parseInt(input.dataset.maxBytes, 10), maxFiles = parseInt(input.dataset.maxFiles || '9', 10), message = '';
      if (input.files.length > maxFiles) {
        message = input.dataset.tooMany;
      }
      Array.prototype.forEach.call(input.files, function (file) {
        if (!message && file.size > max) {
          message = input.dataset.tooLarge + ' ' + file.name;
        }
      });
      input.setCustomValidity(message);
      input.classList.toggle('invalid', message !== '');
      if (error) { error.textContent = message; }
    });
  });
});
