<?cs # The page of a certificate whose PDF is not ready yet: its progress,
  refreshed every second while the job waits or runs, or the error of a
  failed job with a button that queues it again.
?><?cs def:head_extra() ?><?cs if:Certificate.State != "failed" ?>
<meta http-equiv="refresh" content="1"><?cs /if ?><?cs /def ?><?cs def:content() ?>
<h1>Certificate <?cs var:Certificate.Number ?></h1>
<?cs if:Certificate.State == "failed" ?>
<div class="dialog-panel">
  <p class="form-error-summary" role="alert">The certificate could not be made: <?cs var:Certificate.Error ?></p>
  <form method="post" action="<?cs if:Certificate.Admin ?>/admin/enrollments/<?cs var:Certificate.EnrollmentId ?>/certificate<?cs else ?>/learn/certificates/<?cs var:Certificate.EnrollmentId ?>/print<?cs /if ?>">
    <?cs call:csrf_field() ?>
    <button type="submit" class="button button-primary">Try again</button>
  </form>
</div>
<?cs else ?>
<p role="status">The certificate is being prepared<?cs if:Certificate.State == "queued" ?> and waits for the worker<?cs /if ?>. This page opens it as soon as it is ready.</p>
<p><label for="certificate-progress">Progress</label>
<progress id="certificate-progress" class="progress" max="100" value="<?cs var:Certificate.Progress ?>"><?cs var:Certificate.Progress ?>%</progress></p>
<p><a href="">Check again</a></p>
<?cs /if ?>
<?cs /def ?>
