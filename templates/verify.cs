<?cs # /verify/<code>: what the verification code on a certificate
  confirms, and nothing more.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Certificate verification</h1>
<?cs if:Verify.Status == "valid" ?>
<p class="verify-result" role="status"><span class="badge badge-completed">Valid</span> This certificate is genuine and valid.</p>
<?cs elif:Verify.Status == "expired" ?>
<p class="verify-result" role="status"><span class="badge badge-expired">Expired</span> This certificate is genuine, but it has expired.</p>
<?cs else ?>
<p class="verify-result" role="status"><span class="badge badge-revoked">Revoked</span> This certificate is genuine, but it was revoked and is no longer valid.</p>
<?cs /if ?>
<dl class="details">
  <dt>Learner</dt><dd><?cs var:Verify.Learner ?></dd>
  <dt>Certification</dt><dd><?cs var:Verify.Certification ?></dd>
  <dt>Completed on</dt><dd><?cs var:Verify.CompletedOn ?></dd>
  <dt>Expires on</dt><dd><?cs if:Verify.ExpiresOn ?><?cs var:Verify.ExpiresOn ?><?cs else ?>Never<?cs /if ?></dd>
  <dt>Status</dt><dd><?cs if:Verify.Status == "valid" ?>Valid<?cs elif:Verify.Status == "expired" ?>Expired<?cs else ?>Revoked<?cs /if ?></dd>
</dl>
<?cs /def ?>
