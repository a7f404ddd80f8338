<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Purchase orders</h1>
<p>Learners submit a purchase order number on a priced certification's page. Approving one enrols the learner; a rejected one shows your reason to the learner. Pending orders come first, oldest first.</p>
<form class="toolbar" method="get" action="/admin/purchase-orders" role="search">
  <div class="field"><label for="list-q">Number or login starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <div class="field"><label for="filter-status">Status</label>
  <select id="filter-status" name="status">
    <option value="">Any</option>
    <option value="pending"<?cs if:Filter.status == "pending" ?> selected<?cs /if ?>>Pending</option>
    <option value="approved"<?cs if:Filter.status == "approved" ?> selected<?cs /if ?>>Approved</option>
    <option value="rejected"<?cs if:Filter.status == "rejected" ?> selected<?cs /if ?>>Rejected</option>
  </select></div>
  <button type="submit" class="button button-primary">Search</button>
</form>
<div class="table-wrap" role="region" aria-labelledby="orders-caption" tabindex="0">
<table class="data-table">
  <caption id="orders-caption">Purchase orders</caption>
  <thead><tr>
    <th scope="col">Learner</th>
    <th scope="col">Certification</th>
    <th scope="col">PO number</th>
    <th scope="col">Submitted (UTC)</th>
    <th scope="col">Status</th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:o = Orders ?>
    <tr>
      <td><a href="/admin/users/<?cs var:o.UserId ?>"><?cs if:o.UserName ?><?cs var:o.UserName ?><?cs else ?><?cs var:o.Login ?><?cs /if ?></a> <span class="muted"><?cs var:o.Login ?></span></td>
      <td><?cs if:o.Certification ?><?cs var:o.Certification ?><?cs else ?><span class="muted">Unknown</span><?cs /if ?></td>
      <td><?cs var:o.PoNumber ?></td>
      <td><?cs var:string.slice(o.Submitted, 0, 16) ?></td>
      <td><?cs if:o.Status == "pending" ?><span class="badge badge-in-progress">Pending</span><?cs
        elif:o.Status == "approved" ?><span class="badge badge-completed">Approved</span><?cs
        else ?><span class="badge badge-failed">Rejected</span><?cs /if ?><?cs
        if:o.Status != "pending" ?><br><span class="small muted"><?cs var:string.slice(o.Decided, 0, 16) ?><?cs if:o.DecidedBy ?> by <?cs var:o.DecidedBy ?><?cs /if ?></span><?cs /if ?><?cs
        if:o.Status == "rejected" ?><br><span class="small">Reason: <?cs var:o.Reason ?></span><?cs /if ?></td>
      <td class="row-actions"><?cs if:o.Status == "pending" ?>
        <form class="inline-form" method="post" action="/admin/purchase-orders/<?cs var:o.Id ?>/approve">
          <?cs call:csrf_field() ?>
          <button type="submit" class="button button-small button-primary" aria-label="Approve purchase order <?cs var:o.PoNumber ?> of <?cs var:o.Login ?>">Approve</button>
        </form>
        <a class="button button-small" href="/admin/purchase-orders/<?cs var:o.Id ?>/reject" aria-label="Reject purchase order <?cs var:o.PoNumber ?> of <?cs var:o.Login ?>">Reject</a><?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/purchase-orders") ?>
<?cs /def ?>
