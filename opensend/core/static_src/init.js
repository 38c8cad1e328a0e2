// Initialise GOV.UK Frontend's components. Loaded as an ES module, so only browsers
// that GOV.UK Frontend supports run it; every page also works without JavaScript.
import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()

// htmx swaps in new HTML: initialise the components inside it (not the whole page again,
// which GOV.UK Frontend would refuse as already initialised).
document.addEventListener('htmx:load', (event) => {
  if (event.target instanceof HTMLElement && event.target !== document.body) {
    initAll({ scope: event.target })
  }
})
