// Colloquy: the drawing area of `signature:` questions. Draws with the mouse, pen or finger
// on canvas#dasigcanvas and keeps the drawing as a PNG data: URL in the field's hidden input,
// which the form posts. Without this script the page offers an image file input instead.
(function () {
  'use strict';

  function setup(area) {
    var canvas = area.querySelector('canvas');
    var input = document.getElementById(area.getAttribute('data-input'));
    if (!canvas || !input || !canvas.getContext) {
      return;
    }
    var ctx = canvas.getContext('2d');
    area.hidden = false;
    var note = document.getElementById(area.getAttribute('data-nojs'));
    if (note) {
      note.hidden = true;
    }
    var width = Math.round(canvas.clientWidth);
    var height = Math.round(canvas.clientHeight);
    if (width > 0 && height > 0) {
      canvas.width = width;
      canvas.height = height;
    }
    var color = area.getAttribute('data-pen-color') || '#000';
    var drawing = false;
    var drawn = false;
    var last = null;

    function pen() {
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = Math.max(2, canvas.width / 200);
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
    }

    function point(e) {
      var r = canvas.getBoundingClientRect();
      return {
        x: (e.clientX - r.left) * canvas.width / (r.width || 1),
        y: (e.clientY - r.top) * canvas.height / (r.height || 1)
      };
    }

    function save() {
      input.value = drawn ? canvas.toDataURL('image/png') : '';
    }

    pen();
    canvas.addEventListener('pointerdown', function (e) {
      e.preventDefault();
      drawing = true;
      last = point(e);
      if (canvas.setPointerCapture && e.pointerId !== undefined) {
        try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* not capturable */ }
      }
      ctx.beginPath();
      ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      drawn = true;
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing) {
        return;
      }
      e.preventDefault();
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      last = p;
    });
    function end() {
      if (drawing) {
        drawing = false;
        save();
      }
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);

    var clear = area.querySelector('.co-sig-clear');
    if (clear) {
      clear.addEventListener('click', function (e) {
        e.preventDefault();
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        drawn = false;
        save();
      });
    }
    var form = input.form;
    if (form) {
      form.addEventListener('submit', save);
    }
  }

  function start() {
    var areas = document.querySelectorAll('.co-sig-area');
    for (var i = 0; i < areas.length; i++) {
      setup(areas[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
