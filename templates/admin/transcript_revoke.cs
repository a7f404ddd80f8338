<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users/<?cs var:User.Id ?>/transcript">Transcript</a></p>
<h1>Remove completed status</h1>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="revoke-title">
  <h2 id="revoke-title">Remove the completed status of <?cs var:Cert.Name ?> for <?cs if:User.FirstName || User.LastName ?><?cs var:User.FirstName ?> <?cs var:User.LastName ?><?cs else ?><?cs var:User.Login ?><?cs /if ?>?</h2>
  <dl class="details">
    <dt>Certification</dt><dd><?cs var:Cert.Name ?> <span class="muted">version <?cs var:Cert.Version ?>, provisional</span></dd>
    <dt>Completed on</dt><dd><?cs var:Cert.CompletedOn ?></dd>
  </dl>
  <p>The certification then reads as Revoked on the transcript, with your reason, for the learner and for administrators. The learner's course results stay as they are. The change is recorded in the audit log.</p>
  <?cs call:form_errors() ?>
  <p class="form-note">Fields marked * are required.</p>
  <form method="post" action="/admin/users/<?cs var:User.Id ?>/transcript/revoke">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="enrollment" value="<?cs var:Cert.EnrollmentId ?>">
    <?cs call:field_textarea("reason", "Reason (up to 1000 characters, shown on the transcript)", Form.reason, Form.Errors.reason, "1") ?>
    <div class="dialog-actions">
      <button type="submit" class="button button-danger">Remove completed status</button>
      <a class="button" href="/admin/users/<?cs var:User.Id ?>/transcript">Keep it completed</a>
    </div>
  </form>
</section>
<?cs /def ?>
