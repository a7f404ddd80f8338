// The administrator's procedures of docs/admin-guide.md, in order, in a
// real browser against the test stack, with the learners' side of each:
//
//  1. create the courses (one with an assessment), a prerequisite
//     certification, a user type and a certification with required and
//     elective courses and prefixed certificate numbers;
//  2. subscribe two user groups to it, one with Auto Enroll;
//  3. confirm availability on the Edit Certification page and in a
//     learner's Add Courseware, and enrol that learner there;
//  4. Login as Learner, see the Training tab, Return to admin;
//  5. a learner of the Auto Enroll group signs in and finds it under
//     Enrolled Training;
//  6. that learner completes the courses, watches the progress bar, reads
//     the transcript and prints the certificate (a PDF, read with
//     pdftotext);
//  7. the administrator runs the Certification Expiration Report and
//     downloads its CSV.
//
// Every page visited goes through checkPage (lib.mjs).  Sign-in and
// enrolment are done with the keyboard alone.  Users come from
// tests/e2e/run.sh (laurelctl): E2E_ADMIN, E2E_AUTO, E2E_MANUAL, with the
// password E2E_PASSWORD; E2E_TAG makes every name unique to the run.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	baseUrl, checkPage, closeBrowser, doneTesting, is, launch, like,
	newUser, ok, outDir, screenshot, validateLater, validateSaved,
} from './lib.mjs';

const env = (name) => {
	const value = process.env[name];
	if (!value)
		throw new Error(`${name} is not set`);
	return value;
};
const tag = env('E2E_TAG');
const password = env('E2E_PASSWORD');
const logins = { admin: env('E2E_ADMIN'), auto: env('E2E_AUTO'), manual: env('E2E_MANUAL') };
// The first and last name of the Auto Enroll learner, as laurelctl stored them.
const autoName = env('E2E_AUTO_NAME');

const names = {
	catalog: `${tag} Catalog`,
	type: `${tag} Technician`,
	prereq: `${tag} Foundations`,
	cert: `${tag} Field Service Certification`,
	autoGroup: `${tag} Field team`,
	manualGroup: `${tag} Office team`,
};
const courses = {
	basics: { code: `${tag}-FND`, name: `${tag} Safety basics`, text: 'Wear gloves on site.' },
	required: { code: `${tag}-REQ`, name: `${tag} Equipment handling`, text: 'Lift with the legs.' },
	elective: { code: `${tag}-QUIZ`, name: `${tag} Site quiz` },
	other: { code: `${tag}-OPT`, name: `${tag} Optional reading`, text: 'Extra reading.' },
};
const numbering = { prefix: 'FS-', first: 'FS-0001' };
const question = { prompt: 'Which gear protects the hands?', right: 'Gloves', wrong: 'A helmet' };

const url = (path) => baseUrl + path;

// Clicks LOCATOR and waits for the navigation it starts to load.
async function follow(page, locator) {
	await Promise.all([page.waitForNavigation(), locator.click()]);
}

// Fills the list search of the page (#list-q) with TEXT and submits it:
// the test's rows may be on a later page of a long list.
async function search(page, text) {
	await page.locator('#list-q').fill(text);
	await follow(page, page.getByRole('button', { name: 'Search', exact: true }));
	await checkPage(page, 'Search results');
}

async function visit(page, path, label) {
	await page.goto(url(path));
	await checkPage(page, label);
}

// The flash message of the page, or the empty string.
async function flash(page) {
	const box = page.locator('.flash');
	return (await box.count()) ? (await box.first().innerText()).trim() : '';
}

// The id at the end of the current URL (/admin/courses/12 -> "12").
function lastId(page) {
	return new URL(page.url()).pathname.split('/').filter(Boolean).pop();
}

// Presses Tab until the focused element satisfies TEST (a function run in
// the page with the element), at most LIMIT times.
async function tabTo(page, test, what, limit = 80) {
	for (let i = 0; i <= limit; i++) {
		if (await page.evaluate(test))
			return ok(true, `keyboard: Tab reaches ${what}`);
		await page.keyboard.press('Tab');
	}
	return ok(false, `keyboard: Tab reaches ${what}`, `not reached in ${limit} presses`);
}

// Signs in with the keyboard alone: Tab to Login, type, Tab to Password,
// type, Enter.
async function signIn(page, login) {
	await visit(page, '/signin', 'Sign in');
	await tabTo(page, () => document.activeElement?.id === 'login', 'the Login field');
	await page.keyboard.type(login);
	await page.keyboard.press('Tab');
	is(await page.evaluate(() => document.activeElement?.id), 'password', 'keyboard: Tab moves from Login to Password');
	await page.keyboard.type(password);
	await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
	ok(!new URL(page.url()).pathname.startsWith('/signin'), `${login} signed in with the keyboard`, page.url());
}

async function signOut(page) {
	await follow(page, page.getByRole('button', { name: 'Sign out' }));
	await checkPage(page, 'Signed out');
}

// ---------------------------------------------------------------- admin steps

// Fills the Name field of the form at NEWPATH and saves it; returns the
// new record's id.
async function createNamed(page, newPath, name, label) {
	await visit(page, newPath, label);
	await page.locator('#name').fill(name);
	await follow(page, page.getByRole('button', { name: /^(Save|Add user type)$/ }));
	await checkPage(page, `${label}: saved`);
	const id = await page.evaluate((n) => {
		for (const a of document.querySelectorAll('a'))
			if (a.textContent.trim() === n)
				return a.getAttribute('href').split('/').pop();
		return null;
	}, name);
	return /^\d+$/.test(lastId(page)) ? lastId(page) : id;
}

async function createCourse(page, course) {
	await visit(page, '/admin/courses/new', 'New course');
	await page.locator('#code').fill(course.code);
	await page.locator('#name').fill(course.name);
	await page.locator('#passing_score').fill('80');
	await page.locator('#kind-online').check();
	await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(page, 'Course saved');
	like(await page.locator('h1').innerText(), new RegExp(`Edit course ${course.code}`), `course ${course.code} created`);
	course.id = lastId(page);
	if (course.text) {
		await follow(page, page.getByRole('link', { name: 'Online content' }));
		await checkPage(page, 'Course content');
		await page.locator('#body').fill(course.text);
		await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
		await checkPage(page, 'Course content saved');
		like(await page.locator('main').innerText(), new RegExp(course.text), `content of ${course.code} shown in the preview`);
	}
}

async function addQuestion(page, course) {
	await visit(page, `/admin/courses/${course.id}/assessment`, 'Assessment');
	await follow(page, page.getByRole('link', { name: /question/i }).first());
	await checkPage(page, 'New question');
	await page.locator('#prompt').fill(question.prompt);
	await page.locator('#option_1').fill(question.right);
	await page.locator('#correct_1').check();
	await page.locator('#option_2').fill(question.wrong);
	await follow(page, page.getByRole('button', { name: 'Add question' }));
	await checkPage(page, 'Question added');
	like(await page.locator('main').innerText(), new RegExp(question.prompt.replace('?', '\\?')), 'the question is listed on the assessment page');
}

// Creates a certification open to the test's user type, which expires
// EXPIREDAYS after completion (never when 0).  Returns { id }.
async function createCertification(page, name, expireDays) {
	await visit(page, '/admin/certifications/new', 'New certification');
	await page.locator('#name').fill(name);
	await page.getByLabel(names.type, { exact: true }).check();
	await page.locator('#catalog_id').selectOption({ label: names.catalog });
	if (expireDays) {
		await page.locator('#expiration_type-interval').check();
		await page.locator('#expire_days').fill(String(expireDays));
	}
	await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(page, 'Certification saved');
	is(await flash(page), 'Certification created.', `certification ${name} created`);
	return { id: lastId(page) };
}

// Select Courses: adds the courses of LIST ([course, requirement] pairs),
// then sets the requirement of each.
async function selectCourses(page, cert, list) {
	await visit(page, `/admin/certifications/${cert.id}/courses`, 'Select Courses');
	await search(page, tag);
	for (const [course] of list)
		await page.locator(`#add-${course.id}`).check();
	await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(page, 'Select Courses saved');
	await visit(page, `/admin/certifications/${cert.id}/courses`, 'Select Courses');
	for (const [course, requirement] of list)
		await page.locator(`#requirement_${course.id}`).selectOption({ label: requirement });
	await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(page, 'Select Courses saved');
}

// Step 1: the catalog, the user type, the courses, the prerequisite and
// the certification.  Returns the certification.
async function createTraining(admin) {
	await createNamed(admin, '/admin/catalogs/new', names.catalog, 'New catalog');
	await visit(admin, '/admin/user-types', 'User types');
	await admin.locator('#name').fill(names.type);
	await follow(admin, admin.getByRole('button', { name: 'Add user type' }));
	await checkPage(admin, 'User type added');
	like(await admin.locator('main').innerText(), new RegExp(names.type), 'user type listed');

	for (const course of Object.values(courses))
		await createCourse(admin, course);
	await addQuestion(admin, courses.elective);

	const prereq = await createCertification(admin, names.prereq, 0);
	await selectCourses(admin, prereq, [[courses.basics, 'Required']]);

	const cert = await createCertification(admin, names.cert, 365);
	await selectCourses(admin, cert, [[courses.required, 'Required'],
		[courses.elective, 'Elective'], [courses.other, 'Elective']]);
	// One elective of two, and certificate numbers such as FS-0001.
	await visit(admin, `/admin/certifications/${cert.id}`, 'Edit certification');
	await admin.locator('#required_electives').fill('1');
	await admin.locator('#number_format').selectOption('prefix');
	await admin.locator('#number_prefix').fill(numbering.prefix);
	await admin.locator('#number_width').fill('4');
	await follow(admin, admin.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(admin, 'Certification saved');
	is(await admin.locator('#number_preview').inputValue(), numbering.first, 'the preview shows the first certificate number');
	// The screenshot starts at the section's heading, just above the field.
	await admin.locator('#number_format').evaluate((field) => {
		const box = field.closest('.field');
		(box.previousElementSibling || box).scrollIntoView({ block: 'start' });
	});
	await screenshot(admin, 'certificate-numbering');

	await visit(admin, `/admin/certifications/${cert.id}/prerequisites`, 'Select Prerequisites');
	await search(admin, tag);
	await admin.getByLabel(names.prereq).check();
	await follow(admin, admin.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(admin, 'Prerequisites saved');

	await visit(admin, `/admin/certifications/${cert.id}`, 'Edit certification');
	const certText = await admin.locator('main').innerText();
	like(certText, new RegExp(`${courses.required.code}\\s+${courses.required.name}\\s+Required`), 'Edit Certification lists the required course');
	like(certText, new RegExp(`${courses.elective.code}\\s+${courses.elective.name}\\s+Elective`), 'Edit Certification lists the elective course');
	like(certText, new RegExp(`Learners need all of these:\\s+${names.prereq}`), 'Edit Certification lists the prerequisite');
	return cert;
}

// Creates a user group with LEARNER as its only member; returns the ids
// of the group and of the member.
async function createGroup(page, name, learner) {
	const id = await createNamed(page, '/admin/groups/new', name, 'New group');
	ok(await flash(page) !== '', `group ${name} created`);
	await visit(page, `/admin/groups/${id}/members`, 'Group members');
	await page.locator('#user-q').fill(learner);
	await follow(page, page.getByRole('button', { name: 'Search' }));
	await checkPage(page, 'Group members: search');
	await page.getByRole('row', { name: new RegExp(learner) }).getByRole('checkbox').check();
	await follow(page, page.getByRole('button', { name: 'Add selected' }));
	await checkPage(page, 'Group members added');
	const link = page.locator('tr', { hasText: learner }).locator('a[href^="/admin/users/"]');
	const href = (await link.count()) ? await link.first().getAttribute('href') : null;
	const userId = href ? href.split('/').pop() : null;
	ok(/^\d+$/.test(userId || ''), `${learner} is a member of ${name}`, href);
	return { id, userId };
}

// Subscribes group GROUP to the certifications named FAMILIES through
// Available Certifications, then ticks Auto Enroll for each when AUTO.
async function subscribe(page, group, name, families, auto) {
	await visit(page, `/admin/groups/${group.id}/certifications`, 'Available Certifications');
	await search(page, tag);
	for (const family of families)
		await page.getByLabel(`Select ${family}`, { exact: true }).check();
	await follow(page, page.getByRole('button', { name: 'Add selected' }));
	await checkPage(page, 'Group subscriptions added');
	if (auto) {
		for (const family of families)
			await page.getByLabel(`Auto Enroll in ${family}`).check();
		await follow(page, page.locator('form[action$="/subscriptions"]').getByRole('button', { name: 'Save', exact: true }));
		await checkPage(page, 'Auto Enroll saved');
		await page.locator('#subscribed-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'group-certifications');
	}
	const rows = page.locator('#subscribed-heading ~ form tbody tr');
	for (const family of families) {
		const row = rows.filter({ hasText: family });
		is(await row.count(), 1, `${name} subscribes to ${family}`);
	}
	return rows;
}

async function setUserType(page, userId) {
	await visit(page, `/admin/users/${userId}`, 'Edit user');
	await page.locator('#user_type').selectOption({ label: names.type });
	await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
	await checkPage(page, 'User saved');
	is(await page.locator('#user_type option:checked').innerText(), names.type, `user ${userId} has the type ${names.type}`);
}

// The Enrolled Training row of NAME on the learner's Training tab: its
// text and the progress bar's value, or null when it is not listed.
async function enrolledRow(page, name) {
	const row = page.locator('#enrolled-heading ~ .table-wrap tr', { hasText: name });
	if (await row.count() === 0)
		return null;
	const bar = row.first().getByRole('progressbar');
	return {
		text: (await row.first().innerText()).replace(/\s+/g, ' '),
		progress: (await bar.count()) ? Number(await bar.getAttribute('aria-valuenow')) : null,
	};
}

// Opens course COURSE from the Training tab's certification page and
// marks it complete.
async function completeReading(page, familyName, course) {
	await visit(page, '/learn/', 'Training');
	await follow(page, page.getByRole('link', { name: familyName, exact: true }));
	await checkPage(page, 'Learner certification');
	await follow(page, page.getByRole('link', { name: course.name, exact: true }));
	await checkPage(page, 'Learner course');
	like(await page.locator('main').innerText(), new RegExp(course.text), `${course.code} shows its content`);
	await follow(page, page.getByRole('button', { name: 'Mark as complete' }));
	await checkPage(page, 'Course completed');
	like(await page.locator('main').innerText(), /Completed/, `${course.code} is completed`);
}

// Step 2: two groups with one learner each, both learners of the test's
// user type; one group subscribes with Auto Enroll.  Returns the user ids
// of the learners.
async function offerToGroups(admin) {
	const autoGroup = await createGroup(admin, names.autoGroup, logins.auto);
	const manualGroup = await createGroup(admin, names.manualGroup, logins.manual);
	const autoId = autoGroup.userId;
	const manualId = manualGroup.userId;
	await setUserType(admin, autoId);
	await setUserType(admin, manualId);
	const rows = await subscribe(admin, autoGroup, names.autoGroup, [names.prereq, names.cert], true);
	// Enrolled at next sign-in counts the members that Auto Enroll will
	// enrol: the learner has access to the prerequisite only.
	like((await rows.filter({ hasText: names.prereq }).innerText()).replace(/\s+/g, ' '), / 1 member /, 'Auto Enroll will enrol the member in the prerequisite');
	like((await rows.filter({ hasText: names.cert }).innerText()).replace(/\s+/g, ' '), / 0 members /, 'Auto Enroll waits for the prerequisite');
	await subscribe(admin, manualGroup, names.manualGroup, [names.prereq, names.cert], false);
	return { autoId, manualId };
}

// Step 3: the certification's page lists the groups, and Add Courseware
// enrols the learner of the other group once that learner has met the
// prerequisite.
async function confirmAvailability(admin, cert, manualId) {
	await visit(admin, `/admin/certifications/${cert.id}`, 'Edit certification');
	const groups = (await admin.locator('section[aria-labelledby="groups-heading"]').innerText()).replace(/\s+/g, ' ');
	like(groups, new RegExp(`${names.autoGroup} Auto Enroll`), 'Edit Certification lists the Auto Enroll group');
	like(groups, new RegExp(names.manualGroup), 'Edit Certification lists the other group');
	// The screenshot shows the Prerequisites and User Groups sections at
	// the end of the page.
	await admin.locator('#prerequisites-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
	await screenshot(admin, 'certification-edit');

	// The other learner meets the prerequisite first: signs in, enrols in
	// it with the keyboard and completes its course.
	const manual = await newUser('manual learner');
	await signIn(manual, logins.manual);
	await checkPage(manual, 'Training');
	like(await manual.locator('main').innerText(), new RegExp(`Available Training[\\s\\S]*${names.prereq}`), 'the prerequisite is under Available Training');
	like((await manual.locator('main').innerText()).replace(/\s+/g, ' '), new RegExp(`${names.cert} Locked: prerequisites missing`), 'the certification is locked until its prerequisite is met');
	await follow(manual, manual.getByRole('link', { name: names.prereq, exact: true }));
	await checkPage(manual, 'Learner certification');
	await tabTo(manual, () => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === 'Enroll', 'the Enroll button');
	await Promise.all([manual.waitForNavigation(), manual.keyboard.press('Enter')]);
	await checkPage(manual, 'Enrolled');
	ok((await enrolledRow(manual, names.prereq)) !== null || /Enrolled|enrolled/.test(await flash(manual)), 'enrolled with the keyboard');
	await completeReading(manual, names.prereq, courses.basics);
	await signOut(manual);

	await visit(admin, `/admin/users/${manualId}/registrations`, 'Manage Course Registrations');
	await follow(admin, admin.getByRole('link', { name: 'Add Courseware' }));
	await checkPage(admin, 'Add Courseware');
	await screenshot(admin, 'add-courseware');
	const offered = admin.getByLabel(names.cert, { exact: true });
	is(await offered.count(), 1, 'Add Courseware lists the certification');
	await offered.check();
	await follow(admin, admin.getByRole('button', { name: 'Enroll Certifications' }));
	await checkPage(admin, 'Registrations after enrolment');
	like((await admin.locator('main').innerText()).replace(/\s+/g, ' '), new RegExp(`${names.cert} version 1`), 'Manage Course Registrations lists the new enrolment');
}

// Step 4: Login as Learner shows the learner's Training tab.
async function viewAsLearner(admin, manualId) {
	await visit(admin, `/admin/users/${manualId}`, 'Edit user');
	await follow(admin, admin.getByRole('button', { name: 'Login as Learner' }));
	await checkPage(admin, 'Training as the learner');
	const seen = await enrolledRow(admin, names.cert);
	ok(seen !== null, 'Login as Learner: the Training tab lists the certification under Enrolled Training', seen);
	await follow(admin, admin.getByRole('button', { name: 'Return to admin' }));
	await checkPage(admin, 'Returned to admin');
	ok(new URL(admin.url()).pathname.startsWith('/admin/'), 'Return to admin goes back to the admin site', admin.url());
}

// Step 5: the learner of the Auto Enroll group is enrolled in the
// prerequisite at the first sign-in and, after completing it, in the
// certification at the next one.  Returns the learner's page.
async function signInAutoEnrolled() {
	const learner = await newUser('auto learner');
	await signIn(learner, logins.auto);
	await checkPage(learner, 'Training');
	ok((await enrolledRow(learner, names.prereq)) !== null, 'Auto Enroll: the prerequisite is under Enrolled Training at the first sign-in');
	await completeReading(learner, names.prereq, courses.basics);
	await signOut(learner);
	await signIn(learner, logins.auto);
	await checkPage(learner, 'Training');
	const before = await enrolledRow(learner, names.cert);
	ok(before !== null, 'Auto Enroll: the certification is under Enrolled Training once the prerequisite is met');
	is(before?.progress, 0, 'the progress bar starts at 0 %');
	return learner;
}

// Step 6: the learner completes the required course and the assessed
// elective, then reads the transcript and prints the certificate.
async function completeCertification(learner) {
	await completeReading(learner, names.cert, courses.required);
	await visit(learner, '/learn/', 'Training');
	const half = await enrolledRow(learner, names.cert);
	ok(half && half.progress > 0 && half.progress < 100, 'the progress bar moves after the required course', half);

	await follow(learner, learner.getByRole('link', { name: names.cert, exact: true }));
	await follow(learner, learner.getByRole('link', { name: courses.elective.name, exact: true }));
	await checkPage(learner, 'Learner course with assessment');
	await follow(learner, learner.getByRole('button', { name: 'Take the assessment' }));
	await checkPage(learner, 'Assessment attempt');
	await learner.getByLabel(question.right, { exact: true }).check();
	await follow(learner, learner.getByRole('button', { name: 'Submit answers' }));
	await checkPage(learner, 'Assessment result');
	like(await learner.locator('main').innerText(), /Passed|passed/, 'the assessment is passed');

	await visit(learner, '/learn/', 'Training');
	const done = await enrolledRow(learner, names.cert);
	is(done?.progress, 100, 'the progress bar is full');
	like(done?.text || '', /Completed/, 'the certification is completed');
	await screenshot(learner, 'learner-training');

	await visit(learner, '/learn/transcript', 'Transcript');
	const transcript = (await learner.locator('main').innerText()).replace(/\s+/g, ' ');
	like(transcript, new RegExp(names.cert), 'the transcript lists the certification');
	like(transcript, new RegExp(courses.elective.name), 'the transcript lists the assessed course');
	await screenshot(learner, 'transcript');
	// The first print issues the certificate and queues its PDF; the page
	// that waits for it reloads itself every second and then opens the PDF
	// in the browser.  Chromium shows it in its viewer, so the file itself
	// is fetched again from the same address with the learner's cookies,
	// as the viewer's Download button does.
	const [pdfResponse] = await Promise.all([
		learner.waitForResponse((r) => (r.headers()['content-type'] || '').startsWith('application/pdf'), { timeout: 60000 }),
		learner.getByRole('button', { name: `Print the certificate of ${names.cert}` }).click(),
	]);
	// The server waits a moment for the PDF before it sends the page that
	// waits for it, so that page appears only when the worker is slow.
	if (!await validateLater(learner, '/learn/certificates/', 'Certificate in preparation'))
		console.log('# the PDF was ready without the page that waits for it');
	const pdf = join(outDir, 'certificate.pdf');
	const pdfFetch = await learner.context().request.get(pdfResponse.url());
	is(pdfFetch.headers()['content-type'], 'application/pdf', 'the certificate is served as a PDF');
	writeFileSync(pdf, await pdfFetch.body());
	is(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-', 'the certificate downloads as a PDF');
	const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/\s+/g, ' ');
	like(pdfText, new RegExp(autoName), 'the certificate names the learner');
	like(pdfText, new RegExp(names.cert), 'the certificate names the certification');
	like(pdfText, new RegExp(numbering.first), 'the certificate has the first number of its numbering');
	await visit(learner, '/learn/transcript', 'Transcript after printing');
	is((await learner.getByRole('button', { name: `Print the certificate of ${names.cert}` }).innerText()).trim(), numbering.first, 'the transcript shows the certificate number');
}

// Step 7: the Certification Expiration Report lists the learner, and its
// CSV export has the same row.
async function runExpirationReport(admin) {
	await visit(admin, '/admin/reports', 'Reports');
	await follow(admin, admin.getByRole('link', { name: 'Certification Expiration Report' }));
	await checkPage(admin, 'Certification Expiration Report form');
	const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
	await admin.locator('#start').fill(day(1));
	await admin.locator('#end').fill(day(400));
	await admin.locator('#certification').selectOption({ label: names.cert });
	await follow(admin, admin.getByRole('button', { name: 'Submit' }));
	await checkPage(admin, 'Certification Expiration Report');
	const report = admin.getByRole('row', { name: new RegExp(logins.auto) });
	is(await report.count(), 1, 'the report lists the learner');
	like((await report.first().innerText()).replace(/\s+/g, ' '), new RegExp(`${names.cert} 1`), 'the report row names the certification');
	await screenshot(admin, 'expiration-report');
	await follow(admin, admin.getByRole('button', { name: 'Download CSV' }));
	const deadline = Date.now() + 60000;
	while (await admin.getByRole('link', { name: /^Download / }).count() === 0 && Date.now() < deadline)
		// The job page reloads itself every second until the job is done.
		await admin.waitForTimeout(500);
	ok(await validateLater(admin, '/admin/jobs/', 'Job in progress'), 'the job page was kept for the HTML check');
	await checkPage(admin, 'Job');
	const [csvDownload] = await Promise.all([
		admin.waitForEvent('download'),
		admin.getByRole('link', { name: /^Download / }).click(),
	]);
	const csvFile = join(outDir, 'expiration.csv');
	await csvDownload.saveAs(csvFile);
	const csv = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
	like(csv[0], /Login.*Certification.*Expires On/, 'the CSV has its header row');
	const line = csv.find((l) => l.includes(logins.auto));
	ok(line !== undefined, 'the CSV lists the learner', csv.join('\n'));
	like(line || '', new RegExp(`${autoName.replace(' ', '","')}.*${names.cert}`), 'the CSV row keeps the names byte for byte');
	is(csv.length, 2, 'the CSV has one row for the one completion');
	// Every field is quoted and none contains a quote or a comma here.
	const header = csv[0].slice(1, -1).split('","');
	const fields = (line || '').slice(1, -1).split('","');
	const field = (name) => fields[header.indexOf(name)];
	const completed = field('Completed On') || '';
	const expected = new Date(Date.parse(`${completed}T00:00:00Z`) + 365 * 86400000).toISOString().slice(0, 10);
	like(completed, /^\d{4}-\d{2}-\d{2}$/, 'the CSV has the completion date');
	is(field('Expires On'), expected, 'the CSV expiry is 365 days after completion');
	is(field('User Groups'), names.autoGroup, 'the CSV names the learner\'s group');
}

async function main() {
	await launch();
	const admin = await newUser('admin');
	await signIn(admin, logins.admin);
	await checkPage(admin, 'Admin home');
	is(new URL(admin.url()).pathname, '/admin/', 'the admin lands on the admin home');
	await screenshot(admin, 'admin-home');

	const cert = await createTraining(admin);
	const { manualId } = await offerToGroups(admin);
	await confirmAvailability(admin, cert, manualId);
	await viewAsLearner(admin, manualId);
	const learner = await signInAutoEnrolled();
	await completeCertification(learner);
	await runExpirationReport(admin);
}

let status = 0;
try {
	await main();
} catch (error) {
	ok(false, 'the scenario ran to its end', error.stack || String(error));
} finally {
	await closeBrowser();
}
validateSaved();
if (!doneTesting())
	status = 1;
process.exit(status);
