<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/learn/">Training</a></p>
<h1><?cs var:Cert.Name ?></h1>
<?cs if:Cert.Enrolled == "1" ?>
<?cs with:e = Enrolled.0 ?>
<dl class="details">
  <dt>Status</dt><dd><?cs if:e.Status == "completed" ?>Completed on <?cs var:e.CompletedOn ?><?cs elif:e.Status == "expired" ?>Expired on <?cs var:e.ExpiresOn ?><?cs elif:e.Status == "revoked" ?>Revoked<?cs else ?>In progress<?cs /if ?></dd>
  <dt>Enrolled on</dt><dd><?cs var:e.EnrolledOn ?></dd>
  <?cs if:e.CompleteBy ?><dt>Complete by</dt><dd><?cs var:e.CompleteBy ?><?cs if:e.Overdue == "1" ?> <strong class="overdue">Overdue</strong><?cs /if ?></dd><?cs /if ?>
  <?cs if:e.ShowProgress == "1" ?><dt>Progress</dt><dd><?cs call:meter(e.Progress, 100, "Progress") ?></dd><?cs /if ?>
</dl>
<?cs /with ?>
<?cs elif:Cert.Locked == "1" ?>
<div class="flash flash-info" role="status">
  <p>This certification is locked until you complete:</p>
  <ul><?cs each:m = Missing ?><li><?cs var:m.Name ?></li><?cs /each ?></ul>
</div>
<?cs elif:Cert.Individually == "1" ?>
<p>The courses of this group can be taken one at a time: enrol in the ones you need below.</p>
<?cs elif:Cert.Priced == "1" ?>
<section aria-labelledby="payment-title">
<h2 id="payment-title">Payment</h2>
<?cs if:subcount(Pay.Prices) > 0 ?>
<dl class="details">
  <dt>Price</dt>
  <dd><ul><?cs each:p = Pay.Prices ?><li><?cs var:p.Currency ?> <?cs var:p.Amount ?></li><?cs /each ?></ul></dd>
</dl>
<?cs /if ?>
<?cs if:Pay.Pending == "1" ?>
<div class="flash flash-info" role="status"><p>Your purchase order <?cs var:Pay.PoNumber ?> is waiting for approval.</p><p>You are enrolled once an administrator approves it.</p></div>
<?cs elif:Pay.Rejected == "1" ?>
<div class="flash flash-error" role="status"><p>Your purchase order <?cs var:Pay.PoNumber ?> was rejected.</p><p>Reason: <?cs var:Pay.Reason ?></p></div>
<?cs /if ?>
<?cs if:Pay.Voucher == "1" || (Pay.PurchaseOrder == "1" && Pay.Pending != "1") ?>
<p class="form-note">Fields marked * are required.</p>
<?cs /if ?>
<?cs if:Pay.Voucher == "1" ?>
<h3>Pay with a voucher</h3>
<form class="form" method="post" action="/learn/certifications/<?cs var:Cert.FamilyId ?>/voucher">
  <?cs call:csrf_field() ?>
  <?cs call:field_text("code", "Voucher code", Form.code, Form.Errors.code, "1", "40") ?>
  <div class="form-actions"><button type="submit" class="button button-primary">Redeem voucher</button></div>
</form>
<?cs /if ?>
<?cs if:Pay.PurchaseOrder == "1" && Pay.Pending != "1" ?>
<h3>Pay by purchase order</h3>
<p>Your training administrator checks the purchase order and enrols you when they approve it.</p>
<form class="form" method="post" action="/learn/certifications/<?cs var:Cert.FamilyId ?>/purchase-order">
  <?cs call:csrf_field() ?>
  <?cs call:field_text("po_number", "Purchase order number", Form.po_number, Form.Errors.po_number, "1", "60") ?>
  <div class="form-actions"><button type="submit" class="button button-primary">Submit purchase order</button></div>
</form>
<?cs /if ?>
<?cs if:Pay.Voucher != "1" && Pay.PurchaseOrder != "1" ?>
<p>This certification is priced, and it cannot be paid for on this site. Ask your training administrator how to enrol.</p>
<?cs /if ?>
</section>
<?cs else ?>
<form method="post" action="/learn/certifications/<?cs var:Cert.FamilyId ?>/enroll">
  <?cs call:csrf_field() ?>
  <button type="submit" class="button button-primary">Enroll</button>
</form>
<?cs /if ?>
<h2>Courses</h2>
<?cs if:subcount(Courses) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="courses-caption" tabindex="0">
<table class="data-table">
  <caption id="courses-caption">Courses of <?cs var:Cert.Name ?></caption>
  <thead><tr><th scope="col">Course</th><th scope="col">Requirement</th><th scope="col">Your status</th><th scope="col" class="num">Credit hours</th><?cs if:Cert.Individually == "1" ?><th scope="col"><span class="visually-hidden">Actions</span></th><?cs /if ?></tr></thead>
  <tbody>
<?cs each:c = Courses ?>
    <tr>
      <td><?cs if:c.Status && c.Status != "cancelled" ?><a href="/learn/courses/<?cs var:c.Id ?>"><?cs var:c.Name ?></a><?cs else ?><?cs var:c.Name ?><?cs /if ?> <span class="muted"><?cs var:c.Code ?></span></td>
      <td><?cs if:c.Requirement == "required" ?>Required<?cs elif:c.Requirement == "elective" ?>Elective<?cs else ?>Not applicable<?cs /if ?></td>
      <td><?cs if:c.Status == "completed" ?><?cs call:status_badge("completed") ?> <?cs var:c.CompletedOn ?><?cs elif:c.Status == "failed" ?><?cs call:status_badge("failed") ?> <?cs var:c.CompletedOn ?><?cs elif:c.Status == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs elif:c.Status == "registered" ?>Registered<?cs elif:c.Status == "cancelled" ?>Cancelled<?cs else ?><span class="muted">Not started</span><?cs /if ?></td>
      <td class="num"><?cs var:c.CreditHours ?></td>
<?cs if:Cert.Individually == "1" ?>
      <td class="row-actions"><?cs if:c.Status == "" || c.Status == "cancelled" ?><form class="inline-form" method="post" action="/learn/courses/<?cs var:c.Id ?>/enroll"><?cs call:csrf_field() ?><input type="hidden" name="family" value="<?cs var:Cert.FamilyId ?>"><button type="submit" class="button button-small">Enroll<span class="visually-hidden"> in <?cs var:c.Name ?></span></button></form><?cs /if ?></td>
<?cs /if ?>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">No courses are listed yet.</p>
<?cs /if ?>
<?cs /def ?>
