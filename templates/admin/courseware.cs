<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a></p>
<h1>Add Courseware</h1>
<p>Certifications and course groups that <?cs var:User.Name ?> (<?cs var:User.Login ?>) may enrol in: active, open to the user's type, subscribed by one of the user's groups, prerequisites met, and not already enrolled.</p>
<?cs if:subcount(Available) > 0 ?>
<form method="post" action="/admin/users/<?cs var:User.Id ?>/courseware">
  <?cs call:csrf_field() ?>
  <div class="table-wrap" role="region" aria-labelledby="cw-caption" tabindex="0">
  <table class="data-table">
    <caption id="cw-caption">Available courseware</caption>
    <thead><tr><th scope="col">Enroll</th><th scope="col">Certification or course group</th><th scope="col">Version</th></tr></thead>
    <tbody>
<?cs each:a = Available ?>
      <tr>
        <td><input type="checkbox" name="family" value="<?cs var:a.FamilyId ?>" id="cw-<?cs var:a.FamilyId ?>"></td>
        <td><label for="cw-<?cs var:a.FamilyId ?>"><?cs var:a.Name ?></label><?cs if:a.CourseGroup == "1" ?> <span class="muted">(course group)</span><?cs /if ?></td>
        <td><?cs var:a.Version ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <div class="form-actions"><button type="submit" class="button button-primary">Enroll Certifications</button></div>
</form>
<?cs else ?>
<p class="muted">Nothing more is open to this user. Check the user's type and groups, and the certification's user types, groups and prerequisites.</p>
<?cs /if ?>
<?cs /def ?>
