<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>Vouchers</h1>
  <div class="actions"><a class="button button-primary" href="/admin/vouchers/new">New voucher</a></div>
</div>
<p>A learner who types a valid voucher code on a priced certification's page is enrolled without paying. Each learner can use a voucher once; a voucher is valid through its expiry date.</p>
<form class="toolbar" method="get" action="/admin/vouchers" role="search">
  <div class="field"><label for="list-q">Code starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <div class="field"><label for="filter-family">Certification</label>
  <select id="filter-family" name="family">
    <option value="">All certifications</option>
<?cs each:f = Families ?>
    <option value="<?cs var:f.Id ?>"<?cs if:Filter.family == f.Id ?> selected<?cs /if ?>><?cs var:f.Name ?></option>
<?cs /each ?>
  </select></div>
  <button type="submit" class="button button-primary">Search</button>
</form>
<div class="table-wrap" role="region" aria-labelledby="vouchers-caption" tabindex="0">
<table class="data-table">
  <caption id="vouchers-caption">Vouchers</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/vouchers", "code", "Code") ?>
    <th scope="col">Certification</th>
    <th scope="col" class="num">Uses (used of allowed)</th>
    <?cs call:sort_header("/admin/vouchers", "expires", "Valid through") ?>
    <th scope="col">Status</th>
    <?cs call:sort_header("/admin/vouchers", "created", "Created (UTC)") ?>
  </tr></thead>
  <tbody>
<?cs each:x = Vouchers ?>
    <tr>
      <td><code><?cs var:x.Code ?></code></td>
      <td><?cs if:x.Certification ?><?cs var:x.Certification ?><?cs else ?><span class="muted">Unknown</span><?cs /if ?></td>
      <td class="num"><?cs var:x.UsesCount ?> of <?cs var:x.UsesAllowed ?></td>
      <td><?cs var:x.ExpiresOn ?></td>
      <td><?cs if:x.State == "valid" ?><span class="badge badge-completed">Valid</span><?cs elif:x.State == "expired" ?><?cs call:status_badge("expired") ?><?cs else ?><span class="badge badge-revoked">Used up</span><?cs /if ?></td>
      <td><?cs var:string.slice(x.Created, 0, 16) ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/vouchers") ?>
<?cs /def ?>
