// The drawing page: strokes on a canvas (Pointer Events: mouse, pen, touch) are sent as a PNG to
// POST /predictions/hcr while drawing, debounced; a newer request aborts the one in flight.
'use strict';
(() => {
  const pad = document.getElementById('pad');
  const ink = pad.getContext('2d');
  const seen = document.getElementById('seen').getContext('2d');
  const results = document.getElementById('results');
  const topChar = document.getElementById('top-char');
  const status = document.getElementById('status');
  const charset = document.getElementById('charset');
  const DEBOUNCE_MS = 120;
  let drawing = null;      // the pointer drawing now, if any
  let last = null;         // the last point of the stroke
  let lastPicture = null;  // what was last sent: the drawing or an uploaded file
  let timer = 0;
  let inFlight = null;     // AbortController of the request in flight

  function blank() {
    ink.fillStyle = '#fff';
    ink.fillRect(0, 0, pad.width, pad.height);
    ink.lineCap = 'round';
    ink.lineJoin = 'round';
    ink.strokeStyle = '#000';
    ink.lineWidth = pad.width / 14;
  }

  function point(event) {
    const box = pad.getBoundingClientRect();
    return { x: (event.clientX - box.left) * pad.width / box.width, y: (event.clientY - box.top) * pad.height / box.height };
  }

  pad.addEventListener('pointerdown', event => {
    if (drawing !== null) return;
    drawing = event.pointerId;
    pad.setPointerCapture(event.pointerId);
    last = point(event);
    ink.beginPath();
    ink.arc(last.x, last.y, ink.lineWidth / 2, 0, 2 * Math.PI);
    ink.fillStyle = '#000';
    ink.fill();
    event.preventDefault();
  });
  pad.addEventListener('pointermove', event => {
    if (event.pointerId !== drawing) return;
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
    for (const e of events.length ? events : [event]) {
      const p = point(e);
      ink.beginPath();
      ink.moveTo(last.x, last.y);
      ink.lineTo(p.x, p.y);
      ink.stroke();
      last = p;
    }
    schedule();
    event.preventDefault();
  });
  const end = event => {
    if (event.pointerId !== drawing) return;
    drawing = null;
    schedule();
  };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);

  // New ink makes any answer in flight stale: it is aborted, and the drawing is sent once the pen
  // rests for DEBOUNCE_MS. data-state is "pending" until the newest answer is shown, then "done".
  function schedule() {
    status.dataset.state = 'pending';
    if (inFlight) inFlight.abort();
    inFlight = null;
    clearTimeout(timer);
    timer = setTimeout(() => pad.toBlob(blob => recognise(blob, 'drawing'), 'image/png'), DEBOUNCE_MS);
  }

  async function recognise(picture, name) {
    if (!picture) return;
    lastPicture = { picture, name };
    if (inFlight) inFlight.abort();
    const controller = new AbortController();
    inFlight = controller;
    status.dataset.state = 'pending';
    status.textContent = '';
    const query = new URLSearchParams({ top: '5', tensor: '1', charset: charset.value, name });
    try {
      const response = await fetch('predictions/hcr?' + query, {
        method: 'POST', body: picture, signal: controller.signal,
        headers: { 'Content-Type': picture.type || 'application/octet-stream', 'Accept': 'application/json' },
      });
      const answer = await response.json();
      if (controller !== inFlight) return;
      if (!response.ok) {
        show(null);
        status.textContent = answer.error || ('HTTP ' + response.status);
      } else if (answer[0].error) {
        show(null);
        status.textContent = answer[0].error;
      } else {
        show(answer[0]);
      }
      if (controller === inFlight) status.dataset.state = 'done';
    } catch (error) {
      if (error.name === 'AbortError') return; // a newer request replaced this one
      status.textContent = 'The server did not answer: ' + error.message;
      if (controller === inFlight) status.dataset.state = 'done';
    } finally {
      if (controller === inFlight) inFlight = null;
    }
  }

  function show(answer) {
    results.replaceChildren();
    seen.clearRect(0, 0, 112, 112);
    if (!answer) {
      topChar.textContent = '–';
      return;
    }
    topChar.textContent = answer.char;
    for (const candidate of answer.top) {
      const item = document.createElement('li');
      const percent = (candidate.probability * 100).toFixed(1);
      item.setAttribute('aria-label', candidate.char + ': ' + percent + ' percent');
      item.innerHTML = '<span class="char"></span><span class="bar"></span><span class="p"></span>';
      item.querySelector('.char').textContent = candidate.char;
      item.querySelector('.bar').style.width = Math.max(1, candidate.probability * 100) + '%';
      item.querySelector('.p').textContent = percent + '%';
      results.appendChild(item);
    }
    if (answer.tensor) {
      const image = seen.createImageData(28, 28);
      answer.tensor.forEach((v, i) => {
        const level = Math.round(v * 255);
        image.data.set([level, level, level, 255], i * 4);
      });
      createImageBitmap(image).then(bitmap => {
        seen.imageSmoothingEnabled = false;
        seen.drawImage(bitmap, 0, 0, 112, 112);
      });
    }
  }

  document.getElementById('clear').addEventListener('click', () => {
    clearTimeout(timer);
    if (inFlight) inFlight.abort();
    inFlight = null;
    blank();
    lastPicture = null;
    show(null);
    status.textContent = '';
    status.dataset.state = 'idle';
  });

  document.getElementById('file').addEventListener('change', event => {
    const file = event.target.files[0];
    if (file) recognise(file, file.name);
  });
  pad.addEventListener('dragover', event => { event.preventDefault(); pad.classList.add('dragover'); });
  pad.addEventListener('dragleave', () => pad.classList.remove('dragover'));
  pad.addEventListener('drop', event => {
    event.preventDefault();
    pad.classList.remove('dragover');
    const file = event.dataTransfer.files[0];
    if (file) recognise(file, file.name);
  });

  charset.addEventListener('change', () => {
    if (lastPicture) recognise(lastPicture.picture, lastPicture.name);
  });

  blank();
})();
