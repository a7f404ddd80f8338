<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Reports</h1>
<p>Choose a report. Each one opens with a form for its parameters, shows its rows on the page and can be downloaded as a CSV file.</p>
<ul class="result-list">
  <li><a href="/admin/reports/expiration">Certification Expiration Report</a>
    <p class="muted small">Learners whose completed certifications expire between two dates, with their groups and certificate numbers.</p></li>
</ul>
<p><a href="/admin/jobs">Downloads and other background jobs</a></p>
<?cs /def ?>
