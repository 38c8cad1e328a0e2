// The classes GOV.UK Frontend's page template sets with an inline script. Our CSP allows
// no inline scripts, so this tiny file is loaded (blocking) first thing in <body>.
document.body.className +=
  ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
