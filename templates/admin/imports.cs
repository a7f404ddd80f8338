<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Imports</h1>
<p class="lead">Load users, course results and certification completions from a CSV file. You first see a preview that lists every error by line; nothing is saved until you confirm, and a file with any error is not imported at all.</p>
<p>Files are UTF-8 text, with or without a byte-order mark, with commas or semicolons between the fields (the first line decides). The first line names the columns in any order and letter case. Put a field in double quotes when it contains the separator, a quote (written twice: <code>""</code>) or a line break. Write dates as YYYY-MM-DD, for example <code>2024-03-31</code>.</p>

<section aria-labelledby="import-users">
  <h2 id="import-users">Users</h2>
  <p>Each row creates the user with that login, as an active learner without a password, or updates the user who has it. Set a password on the user's page before they sign in. <code>user_type</code> and <code>language</code> name a user type and a language code that exist; an empty cell clears the user type or sets the default language. <code>groups</code> names user groups separated by <code>|</code>; the user is added to them and stays in their other groups.</p>
<?cs call:import_form("users", "Users") ?>
</section>

<section aria-labelledby="import-results">
  <h2 id="import-results">Course results</h2>
  <p>Each row registers the learner in the course with that code, or records a result as the Results page does: <code>status</code> is registered, in_progress, completed or failed; <code>score</code> is a percentage such as 85.5; <code>date</code> is required for completed and failed. A completed course completes the certifications whose rules now hold, and queues their completion e-mail.</p>
<?cs call:import_form("results", "Course results") ?>
</section>

<section aria-labelledby="import-completions">
  <h2 id="import-completions">Certification completions</h2>
  <p>Each row records that the learner completed a certification in a previous system. <code>certification</code> is the name of its newest version or its external ID. <code>certificate_number</code> is optional: a number given is kept, printed on the certificate and never issued again. No completion e-mail is sent.</p>
<?cs call:import_form("completions", "Certification completions") ?>
</section>
<?cs /def ?>
