<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Import preview: <?cs var:Import.Title ?></h1>
<dl class="details">
  <dt>File</dt><dd><?cs var:Import.FileName ?></dd>
  <dt>Separator</dt><dd><?cs var:Report.Separator ?><?cs if:Report.Bom ?>, with a UTF-8 byte-order mark<?cs /if ?></dd>
  <dt>Rows</dt><dd><?cs var:Report.Rows ?></dd>
</dl>
<?cs if:Report.ErrorsTotal > 0 ?>
<p class="form-error-summary" role="alert">Nothing was imported: the file has <?cs var:Report.ErrorsTotal ?> <?cs if:Report.ErrorsTotal == 1 ?>error<?cs else ?>errors<?cs /if ?>. Correct <?cs if:Report.ErrorsTotal == 1 ?>it<?cs else ?>them<?cs /if ?> in the file and upload it again.</p>
<div class="table-wrap" role="region" aria-labelledby="errors-caption" tabindex="0">
<table class="data-table">
  <caption id="errors-caption">Errors</caption>
  <thead><tr>
    <th scope="col" class="num">Line</th>
    <th scope="col">Column</th>
    <th scope="col">Error</th>
  </tr></thead>
  <tbody>
<?cs each:e = Errors ?>
    <tr>
      <td class="num"><?cs var:e.Line ?></td>
      <td><?cs if:e.Field ?><code><?cs var:e.Field ?></code><?cs else ?><span class="muted">Whole line</span><?cs /if ?></td>
      <td><?cs var:e.Message ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:Report.ErrorsHidden > 0 ?><p class="muted"><?cs var:Report.ErrorsHidden ?> more errors are not shown.</p><?cs /if ?>
<h2>Upload the corrected file</h2>
<?cs call:import_form(Import.Kind, Import.Title) ?>
<?cs else ?>
<p role="status">The file has no errors. Importing it will create <?cs var:Report.Created ?>, update <?cs var:Report.Updated ?> and leave <?cs var:Report.Unchanged ?> unchanged. Nothing is saved until you confirm.</p>
<form method="post" action="/admin/imports/confirm" class="actions">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="kind" value="<?cs var:Import.Kind ?>">
  <input type="hidden" name="token" value="<?cs var:Import.Token ?>">
  <input type="hidden" name="file_name" value="<?cs var:Import.FileName ?>">
  <button type="submit" class="button button-primary">Import <?cs var:Report.Rows ?> rows</button>
  <a class="button" href="/admin/imports">Cancel</a>
</form>
<?cs /if ?>
<?cs /def ?>
