<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Audit log</h1>
<p>Every change made in Laurel, newest first. Times are UTC.</p>
<form class="toolbar" method="get" action="/admin/audit">
  <div class="field"><label for="f-action">Action</label>
    <input id="f-action" name="action" type="text" value="<?cs var:Filter.action ?>"></div>
  <div class="field"><label for="f-target">Record type</label>
    <input id="f-target" name="target" type="text" value="<?cs var:Filter.target ?>"></div>
  <div class="field"><label for="f-id">Record id</label>
    <input id="f-id" name="id" type="text" inputmode="numeric" value="<?cs var:Filter.id ?>"></div>
  <button type="submit" class="button button-primary">Filter</button>
</form>
<div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
<table class="data-table">
  <caption id="audit-caption">Changes</caption>
  <thead><tr>
    <th scope="col">Time (UTC)</th><th scope="col">Who</th><th scope="col">Action</th>
    <th scope="col">Record</th><th scope="col">What changed</th>
  </tr></thead>
  <tbody>
<?cs each:a = Audit ?>
    <tr>
      <td><?cs var:string.slice(a.At, 0, 19) ?></td>
      <td><?cs if:a.Impersonator ?><?cs var:a.Impersonator ?> as <?cs var:a.Actor ?> <span class="muted">(Login as Learner)</span><?cs else ?><?cs var:a.Actor ?><?cs /if ?></td>
      <td><?cs var:a.Action ?></td>
      <td><?cs var:a.TargetType ?><?cs if:a.TargetId > 0 ?> <?cs var:a.TargetId ?><?cs /if ?></td>
      <td><?cs var:a.Details ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/audit") ?>
<?cs /def ?>
