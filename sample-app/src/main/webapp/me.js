// Fetch the caller's claims; the HttpOnly cookie goes along by itself. No token ever reaches this script.
async function load() {
  const me = await fetch('/api/me');
  if (me.status === 401) {
    location.href = '/login.html';
    return;
  }
  const claims = await me.json();
  document.getElementById('name').textContent = claims.name;
  document.getElementById('claims').textContent = JSON.stringify(claims, null, 2);
  const notes = await (await fetch('/api/notes')).json();
  document.getElementById('notes').replaceChildren(...notes.map(text => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }));
}

document.getElementById('note-form').addEventListener('submit', async event => {
  event.preventDefault();
  await fetch('/api/notes', {method: 'POST', body: new URLSearchParams(new FormData(event.target))});
  event.target.reset();
  await load();
});

load();
