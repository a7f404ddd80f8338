<?cs def:head_extra() ?><?cs /def ?><?cs def:status_text(s) ?><?cs
  if:s == "completed" ?><?cs call:status_badge("completed") ?><?cs
  elif:s == "expired" ?><?cs call:status_badge("expired") ?><?cs
  elif:s == "revoked" ?><?cs call:status_badge("revoked") ?><?cs
  else ?><?cs call:status_badge("in-progress") ?><?cs /if ?><?cs /def ?><?cs def:content() ?>
<h1>Training</h1>
<section aria-labelledby="enrolled-heading">
  <h2 id="enrolled-heading">Enrolled Training</h2>
<?cs if:subcount(Enrolled) > 0 ?>
  <div class="table-wrap" role="region" aria-labelledby="enrolled-heading" tabindex="0">
  <table class="data-table">
    <thead><tr>
      <th scope="col">Training</th><th scope="col">Status</th>
      <th scope="col">Progress</th><th scope="col">Complete by</th>
    </tr></thead>
    <tbody>
<?cs each:e = Enrolled ?>
      <tr<?cs if:e.Overdue == "1" ?> class="row-overdue"<?cs /if ?>>
        <td><a href="/learn/certifications/<?cs var:e.FamilyId ?>"><?cs var:e.Name ?></a><?cs if:e.CourseGroup == "1" ?> <span class="muted">(course group)</span><?cs /if ?></td>
        <td><?cs call:status_text(e.Status) ?></td>
        <td><?cs if:e.ShowProgress == "1" ?><?cs call:meter(e.Progress, 100, "Progress of " + e.Name) ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
        <td><?cs if:e.CompleteBy ?><?cs var:e.CompleteBy ?><?cs if:e.Overdue == "1" ?> <strong class="overdue">Overdue</strong><?cs /if ?><?cs else ?><span class="muted">No limit</span><?cs /if ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs elif:subcount(OwnCourses) == 0 ?>
  <p class="muted">You are not enrolled in any training yet.</p>
<?cs /if ?>
<?cs if:subcount(OwnCourses) > 0 ?>
  <h3>Courses</h3>
  <div class="table-wrap" role="region" aria-label="Courses taken on their own" tabindex="0">
  <table class="data-table">
    <thead><tr><th scope="col">Course</th><th scope="col">Status</th><th scope="col">Registered on</th></tr></thead>
    <tbody>
<?cs each:c = OwnCourses ?>
      <tr><td><a href="/learn/courses/<?cs var:c.CourseId ?>"><?cs var:c.Name ?></a> <span class="muted"><?cs var:c.Code ?></span></td>
        <td><?cs if:c.Status == "completed" ?><?cs call:status_badge("completed") ?><?cs elif:c.Status == "failed" ?><?cs call:status_badge("failed") ?><?cs elif:c.Status == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs else ?>Registered<?cs /if ?></td>
        <td><?cs var:c.RegisteredOn ?></td></tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs /if ?>
</section>
<section aria-labelledby="available-heading">
  <h2 id="available-heading">Available Training</h2>
<?cs if:subcount(Available) > 0 ?>
  <ul class="result-list">
<?cs each:a = Available ?>
    <li><a href="/learn/certifications/<?cs var:a.FamilyId ?>"><?cs var:a.Name ?></a><?cs
      if:a.CourseGroup == "1" ?> <span class="muted">(course group)</span><?cs /if ?><?cs
      if:a.Locked == "1" ?> <span class="badge">Locked: prerequisites missing</span><?cs /if ?><?cs
      if:a.Priced == "1" ?> <span class="badge">Priced</span><?cs /if ?></li>
<?cs /each ?>
  </ul>
<?cs else ?>
  <p class="muted">No other training is open to you right now.</p>
<?cs /if ?>
<?cs if:AllLanguages == "1" ?>
  <p><a href="/learn/">Show only training in my language</a></p>
<?cs elif:OtherLanguages > 0 ?>
  <p><a href="/learn/?languages=all">Show training in other languages (<?cs var:OtherLanguages ?>)</a></p>
<?cs /if ?>
</section>
<?cs /def ?>
