// PmfBot's tab pages: Teams signs the person in (getAuthToken), and the content is fetched with that token.
// The page holds no data of its own; every answer, including refusals, is a fragment of HTML made by PmfBot.
'use strict';
(function () {
  const main = document.getElementById('tab');
  const page = document.body.dataset;

  function say(title, message) {
    const heading = document.createElement('h1');
    heading.textContent = title;
    const text = document.createElement('p');
    text.textContent = message;
    main.replaceChildren(heading, text);
  }

  async function show(address, init) {
    const token = await microsoftTeams.authentication.getAuthToken();
    const response = await fetch(address, {
      ...init,
      credentials: 'omit',
      headers: { Authorization: 'Bearer ' + token, Accept: 'text/html' },
    });
    const type = response.headers.get('content-type') || '';
    if (!type.startsWith('text/html')) {
      say('Something went wrong', 'PmfBot answered ' + response.status + ' without a page. Please try again later.');
      return;
    }
    // The fragment is PmfBot's own markup with every piece of text encoded; the page's policy runs no inline script.
    main.innerHTML = await response.text();
    wire();
  }

  function wire() {
    for (const form of main.querySelectorAll('form[data-tab-form]')) {
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const fields = new URLSearchParams(new FormData(form, event.submitter));
        for (const button of form.querySelectorAll('button')) button.disabled = true;
        try {
          await show(form.getAttribute('action'), { method: 'POST', body: fields });
        } catch (error) {
          say('Nothing was sent', 'PmfBot could not be reached, so nothing was saved: ' + (error && error.message ? error.message : error));
        }
      });
    }
    const config = main.querySelector('form[data-tab-config]');
    if (config) configure(config.querySelector('select'));
  }

  // The configuration page: Teams saves the tab with the chosen board's address.
  function configure(select) {
    const valid = () => microsoftTeams.pages.config.setValidityState(select.value !== '');
    select.addEventListener('change', valid);
    valid();
    microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
      const address = location.origin + page.configure + select.value;
      microsoftTeams.pages.config.setConfig({
        contentUrl: address,
        websiteUrl: address,
        entityId: 'pmfbot-board-' + select.value,
        suggestedDisplayName: select.options[select.selectedIndex].text,
      }).then(() => saveEvent.notifySuccess(), (error) => saveEvent.notifyFailure(String(error)));
    });
  }

  async function start() {
    if (typeof microsoftTeams === 'undefined') return; // The library's own stand-in has said why.
    let context;
    try {
      await microsoftTeams.app.initialize();
      context = await microsoftTeams.app.getContext();
    } catch (error) {
      say('Open this page in Teams', 'PmfBot\u2019s tabs are pages of the PmfBot app in Microsoft Teams, which signs you in.');
      return;
    }
    const sidePanel = context.page && context.page.frameContext === 'sidePanel';
    let address = sidePanel && page.sidePanel ? page.sidePanel : page.content;
    if (page.configure) address += '?channel=' + encodeURIComponent((context.channel && context.channel.id) || '');
    try {
      await show(address);
    } catch (error) {
      say('Teams could not sign you in', 'Close this tab and open it again. If it keeps happening, tell the performance team: ' + (error && error.message ? error.message : error));
    }
  }

  start();
})();
