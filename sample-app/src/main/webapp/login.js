// Show the failure message when the server sent us back with ?failed.
document.getElementById('failed').hidden = !new URLSearchParams(location.search).has('failed');
