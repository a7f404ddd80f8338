<?cs def:head_extra() ?><?cs /def ?><?cs #

  A transcript. The learner's Transcript tab and the admin's View
  Transcript (Transcript.Admin = 1) both render this file, so they show
  the same rows. Only the heading, the checklist links and the admin's
  Remove completed status action differ.

  Rows lists each certification (Cert = 1) followed by its courses.
  Values that are empty are not set at all, so if: tests them.

  The status of a course or certification, named in words.
?><?cs def:transcript_status(s) ?><?cs
  if:s == "completed" ?><?cs call:status_badge("completed") ?><?cs
  elif:s == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs
  elif:s == "registered" ?><span class="badge badge-in-progress">Registered</span><?cs
  elif:s == "failed" ?><?cs call:status_badge("failed") ?><?cs
  elif:s == "expired" ?><?cs call:status_badge("expired") ?><?cs
  elif:s == "revoked" ?><?cs call:status_badge("revoked") ?><?cs
  elif:s == "cancelled" ?><span class="badge">Cancelled</span><?cs
  else ?><span class="muted">Not registered</span><?cs /if ?><?cs /def ?><?cs #

  The View Checklist cell of course c.
?><?cs def:checklist_cell(c) ?><td><?cs if:c.Checklist ?><a href="<?cs
  if:Transcript.Admin ?>/admin/users/<?cs var:User.Id ?>/checklist?course=<?cs var:c.Id ?><?cs
  else ?>/learn/courses/<?cs var:c.Id ?>/checklist<?cs /if
  ?>" aria-label="View checklist of <?cs var:c.Name ?>">View checklist</a><?cs /if ?></td><?cs /def ?><?cs #

  The instructor-led class of course c, when the learner is in one.
?><?cs def:class_text(c) ?><?cs if:c.ClassOn ?>Class on <?cs var:c.ClassOn ?><?cs
  if:c.Instructor ?>, instructor <?cs var:c.Instructor ?><?cs /if ?><?cs
  if:c.Location ?>, <?cs var:c.Location ?><?cs /if ?><?cs /if ?><?cs /def ?><?cs #

  The Certificate ID cell of certification row r: its number once
  printed, and a button that prints the certificate (issuing it, with its
  number, the first time).
?><?cs def:certificate_print(r) ?><form class="inline-form" method="post" action="<?cs
  if:Transcript.Admin ?>/admin/enrollments/<?cs var:r.EnrollmentId ?>/certificate<?cs
  else ?>/learn/certificates/<?cs var:r.EnrollmentId ?>/print<?cs /if
  ?>"><?cs call:csrf_field() ?><button type="submit" class="button button-small certificate-print" aria-label="<?cs
  if:r.CertificateNumber ?><?cs var:r.CertificateNumber ?>: print<?cs else ?>Print<?cs /if ?> the certificate of <?cs var:r.Name ?>"><img src="/static/certificate.svg" alt="" width="16" height="16"> <?cs
  if:r.CertificateNumber ?><?cs var:r.CertificateNumber ?><?cs else ?>Print<?cs /if ?></button></form><?cs /def ?><?cs #

?><?cs def:content() ?>
<?cs if:Transcript.Admin ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs if:User.FirstName || User.LastName ?><?cs var:User.FirstName ?> <?cs var:User.LastName ?><?cs else ?><?cs var:User.Login ?><?cs /if ?></a></p>
<div class="page-header">
  <h1>Transcript</h1>
  <div class="actions"><a class="button" href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a></div>
</div>
<p><?cs if:User.FirstName || User.LastName ?><?cs var:User.FirstName ?> <?cs var:User.LastName ?> <?cs /if ?><span class="muted"><?cs var:User.Login ?></span></p>
<?cs else ?>
<h1>Transcript</h1>
<?cs /if ?>
<dl class="details">
  <dt>Credit hours earned</dt><dd><?cs var:Transcript.CreditHours ?></dd>
</dl>

<h2 id="t-certifications">Certifications</h2>
<?cs if:subcount(Rows) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="t-certifications" tabindex="0">
<table class="data-table transcript-table">
  <caption class="visually-hidden">Certifications, each followed by its courses</caption>
  <thead><tr>
    <th scope="col">Certification / Courses</th>
    <th scope="col">Status</th>
    <th scope="col">Complete date</th>
    <th scope="col" class="num">Score</th>
    <th scope="col">Certificate ID</th>
    <th scope="col">Complete by date</th>
    <th scope="col">View checklist</th>
    <th scope="col" class="num">Credit hours</th>
  </tr></thead>
  <tbody>
<?cs # Each row is one line of output: a transcript can hold hundreds
  of rows, and whitespace between the cells made the page a third larger.
  For the same reason the Score and Credit hours cells carry no class:
  the style sheet aligns those columns by position.
?><?cs each:r = Rows ?><?cs if:r.Cert ?>
<tr class="row-certification"><th scope="row"><span class="visually-hidden">Certification: </span><?cs var:r.Name ?> <span class="muted">version <?cs var:r.Version ?></span></th><?cs #
  ?><td><?cs call:transcript_status(r.Status) ?><?cs
    if:r.Status == "expired" && r.ExpiresOn ?><br><span class="small muted">Expired on <?cs var:r.ExpiresOn ?></span><?cs
    elif:r.Status == "completed" && r.ExpiresOn ?><br><span class="small muted">Expires on <?cs var:r.ExpiresOn ?></span><?cs /if ?><?cs
    if:r.Reason ?><br><span class="small">Reason: <?cs var:r.Reason ?></span><?cs /if ?><?cs
    if:Transcript.Admin && r.Revocable ?><br><a class="small" href="/admin/users/<?cs var:User.Id ?>/transcript/revoke?enrollment=<?cs var:r.EnrollmentId ?>" aria-label="Remove completed status of <?cs var:r.Name ?>">Remove completed status</a><?cs /if ?></td><?cs #
  ?><td><?cs var:r.CompletedOn ?></td><td></td><?cs #
  ?><td><?cs if:r.Printable ?><?cs call:certificate_print(r) ?><?cs /if ?></td><?cs #
  ?><td><?cs var:r.CompleteBy ?><?cs if:r.Overdue ?> <strong class="overdue">Overdue</strong><?cs /if ?></td><?cs #
  ?><td></td><td></td></tr><?cs else ?>
<tr class="row-course"><th scope="row"><?cs var:r.Name ?><?cs if:r.Code ?> <span class="muted"><?cs var:r.Code ?></span><?cs /if ?><?cs if:r.ClassOn ?><br><span class="small muted"><?cs call:class_text(r) ?></span><?cs /if ?></th><?cs #
  ?><td><?cs call:transcript_status(r.Status) ?></td><?cs #
  ?><td><?cs var:r.CompletedOn ?></td><td><?cs var:r.Score ?></td><td></td><td></td><?cs #
  ?><?cs call:checklist_cell(r) ?><td><?cs var:r.CreditHours ?></td></tr><?cs /if ?>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">No certifications or course groups.</p>
<?cs /if ?>

<h2 id="t-independent">Independent courses</h2>
<?cs if:subcount(Independent) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="t-independent" tabindex="0">
<table class="data-table">
  <caption class="visually-hidden">Courses taken outside any certification</caption>
  <thead><tr>
    <th scope="col">Course</th>
    <th scope="col">Status</th>
    <th scope="col">Complete date</th>
    <th scope="col" class="num">Score</th>
    <th scope="col">Class</th>
    <th scope="col">View checklist</th>
    <th scope="col" class="num">Credit hours</th>
  </tr></thead>
  <tbody>
<?cs each:c = Independent ?>
    <tr>
      <th scope="row"><?cs var:c.Name ?><?cs if:c.Code ?> <span class="muted"><?cs var:c.Code ?></span><?cs /if ?></th>
      <td><?cs call:transcript_status(c.Status) ?></td>
      <td><?cs var:c.CompletedOn ?></td>
      <td class="num"><?cs var:c.Score ?></td>
      <td><?cs call:class_text(c) ?></td>
      <?cs call:checklist_cell(c) ?>
      <td class="num"><?cs var:c.CreditHours ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">No courses taken on their own.</p>
<?cs /if ?>

<?cs if:subcount(Attempts) > 0 ?>
<h2 id="t-attempts">Other attempts</h2>
<p class="muted">Courses taken more than once: the rows above show the attempt that decides the result, where a pass stands over a later fail or withdrawal, and this table the others.</p>
<div class="table-wrap" role="region" aria-labelledby="t-attempts" tabindex="0">
<table class="data-table">
  <caption class="visually-hidden">Other attempts at courses taken more than once, oldest first</caption>
  <thead><tr>
    <th scope="col">Course</th>
    <th scope="col">Registered on</th>
    <th scope="col">Status</th>
    <th scope="col">Date</th>
    <th scope="col" class="num">Score</th>
    <th scope="col">Class</th>
  </tr></thead>
  <tbody>
<?cs each:c = Attempts ?>
    <tr>
      <th scope="row"><?cs var:c.Name ?><?cs if:c.Code ?> <span class="muted"><?cs var:c.Code ?></span><?cs /if ?></th>
      <td><?cs var:c.RegisteredOn ?></td>
      <td><?cs call:transcript_status(c.Status) ?></td>
      <td><?cs if:c.Status == "cancelled" ?><?cs if:c.CancelledOn ?><?cs var:c.CancelledOn ?><?cs else ?><span class="muted">Not recorded</span><?cs /if ?><?cs else ?><?cs var:c.CompletedOn ?><?cs /if ?></td>
      <td class="num"><?cs var:c.Score ?></td>
      <td><?cs call:class_text(c) ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>

<h2 id="t-cancelled">Cancelled courses</h2>
<?cs if:subcount(Cancelled) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="t-cancelled" tabindex="0">
<table class="data-table">
  <caption class="visually-hidden">Cancelled enrolments and course registrations, newest first</caption>
  <thead><tr>
    <th scope="col">Certification or course</th>
    <th scope="col">Kind</th>
    <th scope="col">Cancelled on</th>
  </tr></thead>
  <tbody>
<?cs each:c = Cancelled ?>
    <tr>
      <th scope="row"><?cs var:c.Name ?><?cs if:c.ClassOn ?><br><span class="small muted">Class on <?cs var:c.ClassOn ?></span><?cs /if ?></th>
      <td><?cs if:c.Kind == "certification" ?>Certification<?cs else ?>Course<?cs /if ?></td>
      <td><?cs if:c.CancelledOn ?><?cs var:c.CancelledOn ?><?cs else ?><span class="muted">Not recorded</span><?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">Nothing was cancelled.</p>
<?cs /if ?>

<h2 id="t-external">External courses</h2>
<?cs if:subcount(External) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="t-external" tabindex="0">
<table class="data-table">
  <caption class="visually-hidden">Courses taken with other providers, latest first</caption>
  <thead><tr>
    <th scope="col">Course</th>
    <th scope="col">Provider</th>
    <th scope="col">Started on</th>
    <th scope="col">Ended on</th>
    <th scope="col">Status</th>
    <th scope="col">Attended</th>
  </tr></thead>
  <tbody>
<?cs each:x = External ?>
    <tr>
      <th scope="row"><?cs var:x.Title ?></th>
      <td><?cs var:x.Provider ?></td>
      <td><?cs var:x.StartsOn ?></td>
      <td><?cs var:x.EndsOn ?></td>
      <td><?cs call:transcript_status(x.Status) ?></td>
      <td><?cs if:x.Attended == "1" ?>Yes<?cs else ?>No<?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">No external courses.</p>
<?cs /if ?>
<?cs /def ?>
