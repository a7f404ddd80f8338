<?cs def:head_extra() ?><?cs /def ?><?cs def:stat_card(value, label) ?>
    <div class="card stat-card">
      <dt><?cs var:label ?></dt>
      <dd><?cs if:string.length(value) > 0 ?><?cs var:value ?><?cs else ?>–<?cs /if ?></dd>
    </div>
<?cs /def ?><?cs def:content() ?>
<h1>Administration</h1>
<section aria-labelledby="summary-heading">
  <h2 id="summary-heading">Summary</h2>
  <dl class="stat-grid">
<?cs call:stat_card(Stats.Users, "Users") ?>
<?cs call:stat_card(Stats.Admins, "Administrators") ?>
<?cs call:stat_card(Stats.Learners, "Learners") ?>
<?cs call:stat_card(Stats.ActiveSessions, "Active sessions") ?>
  </dl>
</section>
<section aria-labelledby="import-heading">
  <h2 id="import-heading">Imports</h2>
  <p><a href="/admin/imports">Import users, course results and certification completions</a> from CSV files, with a preview before anything is saved.</p>
</section>
<?cs /def ?>
