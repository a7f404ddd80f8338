<?cs # Shared macros, parsed before the page template and layout.cs.

  Each comment tag here ends right where the next def starts, so the text
  between macros is inside comments. The file renders nothing but its final
  newline, because text outside a def would appear before the DOCTYPE.

  ClearSilver 0.10.5 facts these templates rely on (checked by rendering):
  - With Config.VarEscapeMode = html, var HTML-escapes & < > " and ', also
    inside macros. The output of url_escape, html_escape and js_escape is
    not escaped a second time.
  - alt does NOT escape its value, so templates use if/else with var
    instead. evar and lvar do not escape either and are not used.
  - if:X is false when X is missing, empty or "0", and X != "" is true
    when X is missing. Where "0" is a real value, test
    string.length(X) > 0.
  - Calling a macro that no earlier file defines is a parse error, and so
    is defining a macro twice. A page therefore cannot override a default
    from this file; see the list of required macros at the top of layout.cs.
?><?cs def:csrf_field() ?><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><?cs /def ?><?cs #

  One item of a navigation list. The link gets aria-current="page" when
  Page.Path equals href. With match = "prefix", pages below href (such as
  /admin/users/42 for /admin/users/) get aria-current="true", so the
  section stays marked. Area home links use "exact", because every page of
  the area starts with their path.
?><?cs def:nav_item(href, label, match) ?><li><a href="<?cs var:href ?>"<?cs
  if:Page.Path == href ?> aria-current="page"<?cs
  elif:match == "prefix" && string.find(Page.Path, href) == 0 ?> aria-current="true"<?cs
  /if ?>><?cs var:label ?></a></li><?cs /def ?><?cs #

  Attributes for an input whose error message is field_error(id, message).
  Call it inside the input tag.
?><?cs def:field_invalid_attrs(id, message) ?><?cs
  if:message ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-error"<?cs /if ?><?cs /def ?><?cs #

  The per-field error message that field_invalid_attrs points to. Prints
  nothing when message is empty or missing.
?><?cs def:field_error(id, message) ?><?cs
  if:message ?><p class="field-error" id="<?cs var:id ?>-error"><?cs var:message ?></p><?cs /if ?><?cs /def ?><?cs #

  A status badge. status is one of completed, in-progress, expired, revoked
  or failed. Any other value is shown as given, in the neutral style.
?><?cs def:status_badge(status) ?><?cs
  if:status == "completed" ?><span class="badge badge-completed">Completed</span><?cs
  elif:status == "in-progress" ?><span class="badge badge-in-progress">In progress</span><?cs
  elif:status == "expired" ?><span class="badge badge-expired">Expired</span><?cs
  elif:status == "revoked" ?><span class="badge badge-revoked">Revoked</span><?cs
  elif:status == "failed" ?><span class="badge badge-failed">Failed</span><?cs
  else ?><span class="badge"><?cs var:status ?></span><?cs /if ?><?cs /def ?><?cs #

  A div-based progress bar for places where <progress> does not fit, such
  as table cells. done and total are whole numbers. The fill width comes
  from a class in 5% steps (meter-0 … meter-100), because the
  Content-Security-Policy blocks style attributes. label names what is
  measured, for screen readers. The macro writes the percentage to the HDF
  node meter_percent, because ClearSilver 0.10.5 has no local variables
  besides macro arguments and each/loop variables.
?><?cs def:meter(done, total, label) ?><?cs
  if:total > 0 ?><?cs set:meter_percent = (done * 100) / total ?><?cs
  else ?><?cs set:meter_percent = 0 ?><?cs /if ?><?cs
  if:meter_percent > 100 ?><?cs set:meter_percent = 100 ?><?cs /if ?><?cs
  if:meter_percent < 0 ?><?cs set:meter_percent = 0 ?><?cs /if ?><div class="meter" role="progressbar" aria-label="<?cs var:label ?>" aria-valuemin="0" aria-valuemax="100" aria-valuenow="<?cs var:meter_percent ?>"><div class="meter-fill meter-<?cs var:((meter_percent + 2) / 5) * 5 ?>"></div></div><span class="meter-text" aria-hidden="true"><?cs var:meter_percent ?>%</span><?cs /def ?>
<?cs #

  List pages. C fills List.* (see fcgi/input.h); base is the list's path,
  such as "/admin/catalogs". The search form keeps the page's filters by
  repeating them as hidden fields in the page itself.
?><?cs def:list_search(base, label) ?><form class="toolbar" method="get" action="<?cs var:base ?>" role="search">
  <div class="field"><label for="list-q"><?cs var:label ?></label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <button type="submit" class="button button-primary">Search</button>
</form><?cs /def ?><?cs #

?><?cs def:letter_index(base, label) ?><nav class="letter-index" aria-label="<?cs var:label ?>"><ul>
<li><?cs if:List.letter == "" ?><a href="<?cs var:base ?>?letter=<?cs var:List.SearchParams ?>" aria-current="page">All</a><?cs else ?><a href="<?cs var:base ?>?letter=<?cs var:List.SearchParams ?>">All</a><?cs /if ?></li>
<?cs each:l = List.Letters ?><li><?cs if:List.letter == l.L ?><a href="<?cs var:base ?>?letter=<?cs var:l.L ?><?cs var:List.SearchParams ?>" aria-current="page"><?cs var:l.L ?></a><?cs else ?><a href="<?cs var:base ?>?letter=<?cs var:l.L ?><?cs var:List.SearchParams ?>"><?cs var:l.L ?></a><?cs /if ?></li>
<?cs /each ?></ul></nav><?cs /def ?><?cs #

  A column header that sorts by key; a second click reverses the order.
?><?cs def:sort_header(base, key, label) ?><?cs
  if:List.sort == key ?><th scope="col" aria-sort="<?cs if:List.dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"><a class="sort-link" href="<?cs var:base ?>?sort=<?cs var:key ?>&amp;dir=<?cs if:List.dir == "desc" ?>asc<?cs else ?>desc<?cs /if ?><?cs var:List.Params ?>"><?cs var:label ?></a></th><?cs
  else ?><th scope="col"><a class="sort-link" href="<?cs var:base ?>?sort=<?cs var:key ?>&amp;dir=asc<?cs var:List.Params ?>"><?cs var:label ?></a></th><?cs
  /if ?><?cs /def ?><?cs #

?><?cs def:pager(base) ?><nav class="pagination" aria-label="Pages"><p class="pagination-summary"><?cs
  if:List.Shown > 0 ?>Showing <?cs var:List.First ?>–<?cs var:List.Last ?><?cs if:List.Total ?> of <?cs var:List.Total ?><?cs /if ?><?cs elif:List.Total > 0 ?>This page is past the end of the <?cs var:List.Total ?> rows<?cs else ?>Nothing found<?cs /if ?></p><ul><?cs
  if:List.HasPrev ?><li><a rel="prev" href="<?cs var:base ?>?page=<?cs var:List.page - 1 ?>&amp;sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?><?cs var:List.Params ?>">Previous</a></li><?cs /if ?><?cs
  if:List.HasNext ?><li><a rel="next" href="<?cs var:base ?>?page=<?cs var:List.page + 1 ?>&amp;sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?><?cs var:List.Params ?>">Next</a></li><?cs /if ?></ul></nav><?cs /def ?><?cs #

  Form fields. id is the field name; value and error come from Form.<id>
  and Form.Errors.<id>. required is "1" or "".
?><?cs def:form_errors() ?><?cs if:Form.HasErrors ?><p class="form-error-summary" role="alert">Nothing was saved. Correct the fields marked below and save again.</p><?cs /if ?><?cs /def ?><?cs #

?><?cs def:field_text(id, label, value, error, required, maxlength) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="required-marker" aria-hidden="true">*</span><?cs /if ?></label>
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="text" value="<?cs var:value ?>" maxlength="<?cs var:maxlength ?>"<?cs if:required ?> required<?cs /if ?><?cs call:field_invalid_attrs(id, error) ?>>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

?><?cs def:field_textarea(id, label, value, error, required) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="required-marker" aria-hidden="true">*</span><?cs /if ?></label>
  <textarea id="<?cs var:id ?>" name="<?cs var:id ?>" rows="4"<?cs if:required ?> required<?cs /if ?><?cs call:field_invalid_attrs(id, error) ?>><?cs var:value ?></textarea>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

?><?cs def:field_checkbox(id, label, checked) ?><div class="field"><label class="check" for="<?cs var:id ?>">
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="checkbox" value="1"<?cs if:checked == "1" ?> checked<?cs /if ?>>
  <?cs var:label ?></label></div><?cs /def ?>
<?cs #
  The upload form of one kind of import (admin/imports.cs and
  admin/import_preview.cs): kind is users, results or completions.
?><?cs def:import_form(kind, title) ?><form class="form" method="post" enctype="multipart/form-data" action="/admin/imports/preview">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="kind" value="<?cs var:kind ?>">
  <div class="field">
    <label for="file-<?cs var:kind ?>"><?cs var:title ?> file (CSV)</label>
    <p class="field-hint" id="file-<?cs var:kind ?>-hint">Columns: <?cs each:c = Kinds[kind].Columns ?><code><?cs var:c.Name ?></code><?cs if:c.Required ?> (required)<?cs /if ?><?cs if:!last(c) ?>, <?cs /if ?><?cs /each ?>. Example: <a href="/static/imports/<?cs var:kind ?>.csv" download><?cs var:kind ?>.csv</a>.</p>
    <input id="file-<?cs var:kind ?>" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-<?cs var:kind ?>-hint">
  </div>
  <button type="submit" class="button button-primary">Preview<span class="visually-hidden"> the <?cs var:title ?> file</span></button>
</form><?cs /def ?>
