<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/purchase-orders">Purchase orders</a></p>
<h1>Reject a purchase order</h1>
<?cs with:o = Orders.0 ?>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="reject-title">
  <h2 id="reject-title">Reject purchase order <?cs var:o.PoNumber ?>?</h2>
  <dl class="details">
    <dt>Learner</dt><dd><?cs if:o.UserName ?><?cs var:o.UserName ?> <?cs /if ?><span class="muted"><?cs var:o.Login ?></span></dd>
    <dt>Certification</dt><dd><?cs var:o.Certification ?></dd>
    <dt>Submitted (UTC)</dt><dd><?cs var:string.slice(o.Submitted, 0, 16) ?></dd>
  </dl>
  <p>The learner is not enrolled, and sees your reason on the certification's page. They can then submit another purchase order number.</p>
  <?cs call:form_errors() ?>
  <p class="form-note">Fields marked * are required.</p>
  <form method="post" action="/admin/purchase-orders/<?cs var:o.Id ?>/reject">
    <?cs call:csrf_field() ?>
    <?cs call:field_textarea("reason", "Reason (up to 1000 characters, shown to the learner)", Form.reason, Form.Errors.reason, "1") ?>
    <div class="dialog-actions">
      <button type="submit" class="button button-danger">Reject purchase order</button>
      <a class="button" href="/admin/purchase-orders">Keep it pending</a>
    </div>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
