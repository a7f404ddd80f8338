<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Outbox</h1>
<p>E-mail messages Laurel has queued for sending, such as the certification completion message, newest first. Times are UTC.</p>
<?cs if:!Mail.Configured ?>
<div class="flash flash-info" role="status">Mail delivery is not configured, so messages stay queued. Set <code>Mail.Relay</code> and <code>Mail.From</code> in the configuration file and restart laurel-worker to send them.</div>
<?cs /if ?>
<form class="toolbar" method="get" action="/admin/outbox" role="search">
  <div class="field"><label for="list-q">Recipient starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <div class="field"><label for="filter-status">Status</label>
  <select id="filter-status" name="status">
    <option value="">Any</option>
    <option value="queued"<?cs if:Filter.status == "queued" ?> selected<?cs /if ?>>Queued</option>
    <option value="sent"<?cs if:Filter.status == "sent" ?> selected<?cs /if ?>>Sent</option>
    <option value="failed"<?cs if:Filter.status == "failed" ?> selected<?cs /if ?>>Failed</option>
  </select></div>
  <button type="submit" class="button button-primary">Filter</button>
</form>
<?cs if:subcount(Outbox) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="outbox-caption" tabindex="0">
<table class="data-table">
  <caption id="outbox-caption">Messages</caption>
  <thead><tr>
    <th scope="col">Created (UTC)</th>
    <th scope="col">Recipient</th>
    <th scope="col">Subject</th>
    <th scope="col">Status</th>
    <th scope="col" class="num">Attempts</th>
    <th scope="col">Last error</th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:m = Outbox ?>
    <tr>
      <td><?cs var:string.slice(m.Created, 0, 16) ?></td>
      <td><?cs if:m.UserId > 0 ?><a href="/admin/users/<?cs var:m.UserId ?>"><?cs var:m.Recipient ?></a><?cs else ?><?cs var:m.Recipient ?><?cs /if ?></td>
      <td><?cs var:m.Subject ?> <span class="muted small"><?cs var:m.Kind ?></span></td>
      <td><?cs if:m.Status == "sent" ?><span class="badge badge-completed">Sent</span><?cs if:m.Sent ?><br><span class="small muted">Sent <?cs var:string.slice(m.Sent, 0, 19) ?></span><?cs /if ?><?cs
        elif:m.Status == "failed" ?><span class="badge badge-failed">Failed</span><?cs
        else ?><span class="badge badge-in-progress">Queued</span><br><span class="small muted"><?cs
          if:m.Sending ?>Sending now<?cs
          elif:m.NextAttempt ?>Next attempt <?cs var:string.slice(m.NextAttempt, 0, 19) ?><?cs
          elif:Mail.Configured ?>Due now<?cs
          else ?>Not sent: delivery not configured<?cs /if ?></span><?cs /if ?></td>
      <td class="num"><?cs var:m.Attempts ?></td>
      <td><?cs if:m.LastError ?><?cs var:m.LastError ?><?cs else ?><span class="muted">None</span><?cs /if ?></td>
      <td><?cs if:m.Status == "failed" ?><form class="inline-form" method="post" action="/admin/outbox/<?cs var:m.Id ?>/retry"><?cs call:csrf_field() ?><button type="submit" class="button button-small">Retry now<span class="visually-hidden"> the message to <?cs var:m.Recipient ?></span></button></form><?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted"><?cs if:Filter.status || List.q ?>No messages match these filters.<?cs else ?>The outbox is empty.<?cs /if ?></p>
<?cs /if ?>
<?cs call:pager("/admin/outbox") ?>
<?cs /def ?>
