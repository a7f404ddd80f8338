<?cs def:head_extra() ?><?cs if:Job.State == "queued" || Job.State == "running" ?>
<meta http-equiv="refresh" content="1"><?cs /if ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/jobs">Jobs</a></p>
<h1><?cs var:Job.Title ?></h1>
<?cs if:Job.CertificationId ?><p class="lead">After a change to the courses, required electives or prerequisites of <a href="/admin/certifications/<?cs var:Job.CertificationId ?>">the certification</a>, every learner in progress in it is checked, and those whose rules now hold are completed.</p><?cs /if ?>
<?cs if:Job.Start ?><p class="lead">Certifications expiring from <?cs var:Job.Start ?> to <?cs var:Job.End ?>, <?cs if:Job.Certification ?>in <?cs var:Job.Certification ?><?cs else ?>in all certifications<?cs /if ?>. <a href="<?cs var:Job.ReportHref ?>">Open the report</a></p><?cs /if ?>
<dl class="details">
  <dt>Job</dt><dd><?cs var:Job.Id ?></dd>
  <dt>State</dt><dd><?cs if:Job.State == "done" ?><span class="badge badge-completed">Done</span><?cs
    elif:Job.State == "failed" ?><span class="badge badge-failed">Failed</span><?cs
    elif:Job.State == "running" ?><span class="badge badge-in-progress">Running</span><?cs
    else ?><span class="badge">Queued</span><?cs /if ?></dd>
  <dt><label for="job-progress">Progress</label></dt>
  <dd><progress id="job-progress" max="100" value="<?cs var:Job.Progress ?>"><?cs var:Job.Progress ?>%</progress> <?cs var:Job.Progress ?>%</dd>
  <dt>Attempts</dt><dd><?cs var:Job.Attempts ?> of <?cs var:Job.MaxAttempts ?></dd>
  <dt>Queued by</dt><dd><?cs if:Job.CreatedBy ?><?cs var:Job.CreatedBy ?><?cs else ?><span class="muted">Laurel</span><?cs /if ?></dd>
  <dt>Created (UTC)</dt><dd><?cs var:string.slice(Job.Created, 0, 19) ?></dd>
  <dt>Finished (UTC)</dt><dd><?cs if:Job.Finished ?><?cs var:string.slice(Job.Finished, 0, 19) ?><?cs else ?><span class="muted">Not yet</span><?cs /if ?></dd>
  <dt>Last error</dt><dd><?cs if:Job.Error ?><?cs var:Job.Error ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd>
</dl>
<?cs if:Job.State == "queued" || Job.State == "running" ?>
<p class="muted" role="status">This page reloads every second until the job is done.</p>
<?cs elif:Job.State == "done" ?>
<?cs if:Job.CertificationId ?>
<p><?cs var:Job.FileName ?></p>
<?cs elif:Job.CertificateId ?>
<p><a class="button button-primary" href="/admin/certificates/<?cs var:Job.CertificateId ?>">Open the certificate</a></p>
<?cs elif:Job.HasFile == "1" ?>
<p><a class="button button-primary" href="/admin/jobs/<?cs var:Job.Id ?>/download" download>Download <?cs var:Job.FileName ?></a></p>
<?cs else ?>
<p class="muted">The file of this job was deleted, as exports are after a few days. Run the report again for a new file.</p>
<?cs /if ?>
<?cs elif:Job.State == "failed" ?>
<form class="inline-form" method="post" action="/admin/jobs/<?cs var:Job.Id ?>/retry">
  <?cs call:csrf_field() ?>
  <button type="submit" class="button button-primary">Try again</button>
</form>
<?cs /if ?>
<?cs /def ?>
