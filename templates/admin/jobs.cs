<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Jobs</h1>
<p>Work that Laurel does in the background, such as CSV downloads of reports, newest first. Every administrator sees every job. Times are UTC.</p>
<form class="toolbar" method="get" action="/admin/jobs">
  <div class="field"><label for="filter-state">State</label>
  <select id="filter-state" name="state">
    <option value="">Any</option>
    <option value="queued"<?cs if:Filter.state == "queued" ?> selected<?cs /if ?>>Queued</option>
    <option value="running"<?cs if:Filter.state == "running" ?> selected<?cs /if ?>>Running</option>
    <option value="done"<?cs if:Filter.state == "done" ?> selected<?cs /if ?>>Done</option>
    <option value="failed"<?cs if:Filter.state == "failed" ?> selected<?cs /if ?>>Failed</option>
  </select></div>
  <button type="submit" class="button button-primary">Filter</button>
</form>
<?cs if:subcount(Jobs) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="jobs-caption" tabindex="0">
<table class="data-table">
  <caption id="jobs-caption">Jobs</caption>
  <thead><tr>
    <th scope="col">Created (UTC)</th>
    <th scope="col">Job</th>
    <th scope="col">Queued by</th>
    <th scope="col">State</th>
    <th scope="col" class="num">Attempts</th>
    <th scope="col">Last error</th>
  </tr></thead>
  <tbody>
<?cs each:j = Jobs ?>
    <tr>
      <td><?cs var:string.slice(j.Created, 0, 16) ?></td>
      <td><a href="/admin/jobs/<?cs var:j.Id ?>"><?cs var:j.Title ?></a><?cs if:j.Start ?> <span class="muted small"><?cs var:j.Start ?> to <?cs var:j.End ?></span><?cs /if ?><?cs if:j.CertificationId ?> <span class="muted small">of <a href="/admin/certifications/<?cs var:j.CertificationId ?>">certification <?cs var:j.CertificationId ?></a></span><?cs /if ?></td>
      <td><?cs if:j.CreatedBy ?><?cs var:j.CreatedBy ?><?cs else ?><span class="muted">Laurel</span><?cs /if ?></td>
      <td><?cs if:j.State == "done" ?><span class="badge badge-completed">Done</span><?cs
        elif:j.State == "failed" ?><span class="badge badge-failed">Failed</span><?cs
        elif:j.State == "running" ?><span class="badge badge-in-progress">Running <?cs var:j.Progress ?>%</span><?cs
        else ?><span class="badge">Queued</span><?cs /if ?></td>
      <td class="num"><?cs var:j.Attempts ?></td>
      <td><?cs if:j.Error ?><?cs var:j.Error ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/jobs") ?>
<?cs elif:List.page > 1 ?>
<?cs call:pager("/admin/jobs") ?>
<?cs else ?>
<p class="muted"><?cs if:Filter.state ?>No job is in this state.<?cs else ?>No job has run yet.<?cs /if ?></p>
<?cs /if ?>
<?cs /def ?>
