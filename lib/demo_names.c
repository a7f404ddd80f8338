/*
 * Name lists for generated demo data.  Each list is ordered from common
 * to rare, and demo_skewed draws from it accordingly, so searches and
 * letter indexes see some names often and most rarely, as in a real
 * directory.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "demo_names.h"

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))
#define LIST(a)		a, COUNT(a)

uint64_t
demo_seed(uint64_t salt, long long index)
{
	uint64_t	 state = salt ^ ((uint64_t)index * 0xd1342543de82ef95ULL);

	(void)demo_random(&state);
	return state;
}

uint64_t
demo_random(uint64_t *state)
{
	uint64_t	 z;

	z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

size_t
demo_uniform(uint64_t *state, size_t n)
{
	return (size_t)(demo_random(state) % n);
}

size_t
demo_skewed(uint64_t *state, size_t n)
{
	double	 u = (double)(demo_random(state) >> 11) / 9007199254740992.0;

	/* u * u is below k / n with probability sqrt(k / n). */
	return (size_t)(u * u * (double)n);
}

/* ---------------------------------------------------------------- people */

static const char *const en_female[] = { "Mary", "Jennifer", "Sarah",
    "Elizabeth", "Emily", "Jessica", "Olivia", "Charlotte", "Amelia",
    "Linda", "Susan", "Karen", "Lisa", "Nancy", "Ashley", "Sophie", "Grace",
    "Hannah", "Megan", "Rachel", "Abigail", "Victoria", "Zoe", "Isla" };
static const char *const en_male[] = { "James", "John", "Michael",
    "David", "Robert", "William", "Thomas", "Daniel", "Matthew", "Oliver",
    "George", "Harry", "Jack", "Noah", "Christopher", "Andrew", "Mark",
    "Paul", "Steven", "Kevin", "Brian", "Edward", "Samuel", "Ian" };
static const char *const en_last[] = { "Smith", "Johnson", "Williams",
    "Brown", "Jones", "Taylor", "Davies", "Miller", "Wilson", "Evans",
    "Thomas", "Anderson", "Martin", "Moore", "Jackson", "Thompson",
    "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Wright",
    "Hall", "Young", "Allen", "King", "Scott", "Green", "Baker", "Adams",
    "Hill", "Mitchell", "Campbell", "Roberts", "Carter", "Phillips",
    "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris",
    "Murphy", "Cook", "Rogers", "O'Brien", "Hughes", "Price", "Bennett",
    "Wood", "Barnes", "Ross", "Henderson", "Jenkins", "Perry", "Powell",
    "Patterson", "Foster", "Graham", "Fisher", "Ellis", "Harrison",
    "Gibson", "McDonald", "Kennedy", "O'Connor", "Quinn", "Underwood",
    "Vaughan", "Yates", "Irving", "Nash", "Osborne" };

static const char *const de_female[] = { "Anna", "Lena", "Laura", "Julia",
    "Hannah", "Lea", "Marie", "Sophie", "Katharina", "Sabine", "Birgit",
    "Johanna", "Ute", "Petra", "Jana", "Franziska" };
static const char *const de_male[] = { "Lukas", "Leon", "Maximilian",
    "Felix", "Paul", "Jonas", "Tim", "Niklas", "Jan", "Moritz", "Jürgen",
    "Uwe", "Dieter", "Günther", "Stefan", "Matthias" };
static const char *const de_last[] = { "Müller", "Schmidt", "Schneider",
    "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann",
    "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Herrmann", "König",
    "Walter", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller",
    "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Berger",
    "Winkler", "Roth", "Lorenz", "Baumann", "Albrecht", "Ludwig",
    "Winter", "Böhm", "Otto", "Sommer", "Graf", "Seidel", "Brandt",
    "Dietrich", "Ziegler", "Engel" };

static const char *const fr_female[] = { "Marie", "Camille", "Léa",
    "Chloé", "Manon", "Inès", "Élodie", "Zoé", "Océane", "Amélie",
    "Margaux", "Anaïs", "Céline", "Hélène", "Nathalie", "Sandrine" };
static const char *const fr_male[] = { "Jean", "Lucas", "Hugo", "Louis",
    "Gabriel", "Arthur", "Théo", "Jules", "Étienne", "Raphaël", "François",
    "Jérôme", "Benoît", "Nicolas", "Olivier", "Thierry" };
static const char *const fr_last[] = { "Martin", "Bernard", "Dubois",
    "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand",
    "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
    "Dupont", "Lambert", "Bonnet", "Legrand", "Garnier", "Faure",
    "Rousseau", "Blanc", "Guérin", "Henry", "Perrin", "Morin", "Mathieu",
    "Clément", "Gauthier", "Dumont", "Fontaine", "Chevalier", "Robin",
    "Masson", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly",
    "Roche", "Noël", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun",
    "Leclerc", "Lacroix", "Fabre", "Rivière", "Le Gall", "Ménard",
    "Prévost", "Carré" };

static const char *const es_female[] = { "María", "Carmen", "Lucía",
    "Sofía", "Paula", "Martina", "Daniela", "Ana", "Laura", "Elena",
    "Isabel", "Pilar" };
static const char *const es_male[] = { "José", "Antonio", "Javier",
    "Alejandro", "Manuel", "David", "Pablo", "Sergio", "Diego", "Jorge",
    "Carlos", "Álvaro" };
static const char *const es_last[] = { "García", "Rodríguez", "González",
    "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
    "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz",
    "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres",
    "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco",
    "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz",
    "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido",
    "Cortés", "Castillo", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez",
    "Cruz", "Calvo", "Herrera", "Peña", "Flores", "Cabrera", "Vega",
    "Fuentes", "Carrasco", "Ibáñez" };

static const char *const pt_female[] = { "Maria", "Ana", "Beatriz",
    "Inês", "Mariana", "Leonor", "Carolina", "Matilde" };
static const char *const pt_male[] = { "João", "Francisco", "Tomás",
    "Gonçalo", "Rodrigo", "Duarte", "Afonso", "Martim" };
static const char *const pt_last[] = { "Silva", "Santos", "Ferreira",
    "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus",
    "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques",
    "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira",
    "Moreira", "Correia", "Mendes", "Nunes", "Soares", "Vieira",
    "Monteiro", "Cardoso", "Rocha" };

static const char *const it_female[] = { "Giulia", "Sofia", "Aurora",
    "Chiara", "Martina", "Federica", "Giorgia", "Francesca", "Alessia",
    "Elena" };
static const char *const it_male[] = { "Francesco", "Alessandro",
    "Lorenzo", "Matteo", "Andrea", "Marco", "Luca", "Giuseppe", "Davide",
    "Riccardo" };
static const char *const it_last[] = { "Rossi", "Russo", "Ferrari",
    "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
    "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana",
    "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli",
    "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale",
    "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi",
    "Villa", "Conte", "Fabbri", "Marini", "Grasso", "Valentini" };

static const char *const nordic_female[] = { "Astrid", "Ingrid", "Freja",
    "Sigrid", "Åsa", "Linnéa", "Elin", "Maja", "Sofie", "Ida", "Zoë",
    "Aino" };
static const char *const nordic_male[] = { "Lars", "Björn", "Oskar",
    "Mikael", "Henrik", "Søren", "Ørjan", "Erik", "Magnus", "Anders",
    "Mathias", "Juha" };
static const char *const nordic_last[] = { "Andersson", "Johansson",
    "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Hansen", "Nielsen", "Jensen", "Pedersen",
    "Sørensen", "Jørgensen", "Kristiansen", "Lindqvist", "Lindström",
    "Bergström", "Ångström", "Åberg", "Öberg", "Ekström", "Sjöberg",
    "Wallin", "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä",
    "Hämäläinen" };

static const char *const pl_female[] = { "Anna", "Zofia", "Katarzyna",
    "Małgorzata", "Agnieszka", "Magdalena", "Joanna", "Aleksandra", "Ewa",
    "Łucja" };
static const char *const pl_male[] = { "Piotr", "Krzysztof", "Tomasz",
    "Paweł", "Michał", "Jakub", "Kacper", "Wojciech", "Łukasz", "Marek" };
/* Surnames ending in -ski and -cki take -ska and -cka for women. */
static const char *const pl_last_male[] = { "Nowak", "Kowalski",
    "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski",
    "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski",
    "Grabowski", "Pawłowski", "Michalski", "Król", "Wieczorek",
    "Jabłoński", "Wróblewski", "Zawadzki" };
static const char *const pl_last_female[] = { "Nowak", "Kowalska",
    "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowska",
    "Zielińska", "Szymańska", "Woźniak", "Dąbrowska", "Kozłowska",
    "Jankowska", "Mazur", "Kwiatkowska", "Krawczyk", "Piotrowska",
    "Grabowska", "Pawłowska", "Michalska", "Król", "Wieczorek",
    "Jabłońska", "Wróblewska", "Zawadzka" };

static const char *const cs_female[] = { "Jana", "Marie", "Eva", "Hana",
    "Lenka", "Kateřina", "Lucie", "Tereza", "Eliška", "Petra" };
static const char *const cs_male[] = { "Jiří", "Jan", "Petr", "Josef",
    "Pavel", "Tomáš", "Martin", "Jaroslav", "Lukáš", "Václav" };
static const char *const cs_last_male[] = { "Novák", "Svoboda",
    "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák",
    "Němec", "Marek", "Pokorný", "Růžička", "Beneš", "Fiala" };
static const char *const cs_last_female[] = { "Nováková", "Svobodová",
    "Novotná", "Dvořáková", "Černá", "Procházková", "Kučerová", "Veselá",
    "Horáková", "Němcová", "Marková", "Pokorná", "Růžičková", "Benešová",
    "Fialová" };

static const char *const tr_female[] = { "Ayşe", "Fatma", "Emine",
    "Elif", "Zeynep", "Hatice", "Merve", "Büşra" };
static const char *const tr_male[] = { "Mehmet", "Mustafa", "Ahmet",
    "Ali", "Hüseyin", "Yusuf", "Emre", "Murat" };
static const char *const tr_last[] = { "Yılmaz", "Kaya", "Demir", "Şahin",
    "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
    "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt",
    "Özkan" };

static const char *const el_female[] = { "Μαρία", "Ελένη", "Αικατερίνη",
    "Βασιλική", "Σοφία", "Ιωάννα", "Αναστασία", "Δέσποινα", "Γεωργία",
    "Ευαγγελία" };
static const char *const el_male[] = { "Γιώργος", "Δημήτρης", "Νίκος",
    "Κώστας", "Γιάννης", "Παναγιώτης", "Χρήστος", "Βασίλης",
    "Αλέξανδρος", "Μιχάλης" };
/* Greek surnames take the genitive form for women. */
static const char *const el_last_male[] = { "Παπαδόπουλος", "Βλάχος",
    "Αγγελόπουλος", "Νικολάου", "Γεωργίου", "Πετρίδης", "Οικονόμου",
    "Καραγιάννης", "Μακρής", "Ιωάννου", "Δημητρίου", "Παππάς",
    "Κωνσταντίνου", "Αθανασίου", "Χριστοδούλου", "Λαμπράκης",
    "Σταυρόπουλος", "Μιχαηλίδης", "Αντωνίου", "Ζαχαρίου" };
static const char *const el_last_female[] = { "Παπαδοπούλου", "Βλάχου",
    "Αγγελοπούλου", "Νικολάου", "Γεωργίου", "Πετρίδου", "Οικονόμου",
    "Καραγιάννη", "Μακρή", "Ιωάννου", "Δημητρίου", "Παππά",
    "Κωνσταντίνου", "Αθανασίου", "Χριστοδούλου", "Λαμπράκη",
    "Σταυροπούλου", "Μιχαηλίδου", "Αντωνίου", "Ζαχαρίου" };

static const char *const ru_female[] = { "Анна", "Мария", "Елена",
    "Ольга", "Наталья", "Татьяна", "Екатерина", "Ирина", "Светлана",
    "Юлия", "Дарья", "Ксения" };
static const char *const ru_male[] = { "Александр", "Дмитрий", "Сергей",
    "Андрей", "Алексей", "Максим", "Иван", "Михаил", "Никита", "Артём",
    "Евгений", "Владимир" };
/* Russian surnames take -а for women; Ukrainian ones in -енко do not
 * change. */
static const char *const ru_last_male[] = { "Иванов", "Смирнов",
    "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
    "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
    "Шевченко", "Коваленко", "Бондаренко" };
static const char *const ru_last_female[] = { "Иванова", "Смирнова",
    "Кузнецова", "Попова", "Васильева", "Петрова", "Соколова",
    "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова",
    "Алексеева", "Лебедева", "Семёнова", "Егорова", "Павлова", "Козлова",
    "Степанова", "Николаева", "Шевченко", "Коваленко", "Бондаренко" };

static const char *const zh_female[] = { "芳", "娜", "秀英", "敏", "静",
    "丽", "艳", "娟", "霞", "秀兰", "婷", "雪" };
static const char *const zh_male[] = { "伟", "强", "磊", "军", "洋", "勇",
    "杰", "涛", "明", "超", "斌", "浩" };
static const char *const zh_last[] = { "王", "李", "张", "刘", "陈", "杨",
    "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
    "高", "林", "罗", "郑", "梁", "谢", "宋" };

static const char *const ja_female[] = { "陽菜", "結衣", "美咲", "さくら",
    "葵", "愛子", "恵子", "由美" };
static const char *const ja_male[] = { "翔太", "蓮", "大輝", "健太",
    "拓海", "大翔", "浩", "誠" };
static const char *const ja_last[] = { "佐藤", "鈴木", "高橋", "田中",
    "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
    "佐々木", "山口", "松本", "井上" };

static const char *const ko_female[] = { "서연", "하은", "지우", "민서",
    "수빈", "지민" };
static const char *const ko_male[] = { "민준", "지호", "도윤", "서준",
    "현우", "준영" };
static const char *const ko_last[] = { "김", "이", "박", "최", "정", "강",
    "조", "윤", "장", "임" };

static const char *const ar_female[] = { "فاطمة", "مريم", "نور", "سارة",
    "ليلى", "آمنة", "هدى", "ريم" };
static const char *const ar_male[] = { "محمد", "أحمد", "علي", "عمر",
    "يوسف", "خالد", "حسن", "إبراهيم" };
static const char *const ar_last[] = { "العلي", "الحسن", "المنصور",
    "الخطيب", "حداد", "الشامي", "النجار", "العمري", "السيد", "عبد الله",
    "القاسم", "الزين" };

static const char *const in_female[] = { "Priya", "Ananya", "Kavya",
    "Diya", "Sneha", "Pooja", "Lakshmi", "Meera" };
static const char *const in_male[] = { "Aarav", "Rohan", "Vikram",
    "Arjun", "Rahul", "Amit", "Sanjay", "Karthik" };
static const char *const in_last[] = { "Sharma", "Patel", "Singh",
    "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Rao", "Mehta", "Joshi",
    "Desai", "Chopra", "Kapoor", "Banerjee", "Pillai" };

/* A region whose people share name lists, a language and a time zone.
 * last_female is NULL when women's surnames are the men's. */
static const struct region {
	int			 percent;	/* share of learners */
	const char		*language;
	const char		*time_zone;
	const char *const	*female;
	size_t			 nfemale;
	const char *const	*male;
	size_t			 nmale;
	const char *const	*last;
	size_t			 nlast;
	const char *const	*last_female;
} regions[] = {
	{ 22, "en", "Europe/London", LIST(en_female), LIST(en_male),
	    LIST(en_last), NULL },
	{ 11, "en", "Europe/Berlin", LIST(de_female), LIST(de_male),
	    LIST(de_last), NULL },
	{ 10, "fr", "Europe/Paris", LIST(fr_female), LIST(fr_male),
	    LIST(fr_last), NULL },
	{ 9, "en", "Europe/Madrid", LIST(es_female), LIST(es_male),
	    LIST(es_last), NULL },
	{ 3, "en", "Europe/Lisbon", LIST(pt_female), LIST(pt_male),
	    LIST(pt_last), NULL },
	{ 6, "en", "Europe/Rome", LIST(it_female), LIST(it_male),
	    LIST(it_last), NULL },
	{ 5, "en", "Europe/Stockholm", LIST(nordic_female),
	    LIST(nordic_male), LIST(nordic_last), NULL },
	{ 4, "en", "Europe/Warsaw", LIST(pl_female), LIST(pl_male),
	    LIST(pl_last_male), pl_last_female },
	{ 2, "en", "Europe/Prague", LIST(cs_female), LIST(cs_male),
	    LIST(cs_last_male), cs_last_female },
	{ 3, "en", "Europe/Istanbul", LIST(tr_female), LIST(tr_male),
	    LIST(tr_last), NULL },
	{ 3, "en", "Europe/Athens", LIST(el_female), LIST(el_male),
	    LIST(el_last_male), el_last_female },
	{ 5, "en", "Europe/Moscow", LIST(ru_female), LIST(ru_male),
	    LIST(ru_last_male), ru_last_female },
	{ 6, "en", "Asia/Shanghai", LIST(zh_female), LIST(zh_male),
	    LIST(zh_last), NULL },
	{ 3, "en", "Asia/Tokyo", LIST(ja_female), LIST(ja_male),
	    LIST(ja_last), NULL },
	{ 2, "en", "Asia/Seoul", LIST(ko_female), LIST(ko_male),
	    LIST(ko_last), NULL },
	{ 3, "en", "Asia/Dubai", LIST(ar_female), LIST(ar_male),
	    LIST(ar_last), NULL },
	{ 3, "en", "Asia/Kolkata", LIST(in_female), LIST(in_male),
	    LIST(in_last), NULL },
};

/* The female and male surname lists of a region have the same length. */
_Static_assert(COUNT(pl_last_male) == COUNT(pl_last_female), "pl");
_Static_assert(COUNT(cs_last_male) == COUNT(cs_last_female), "cs");
_Static_assert(COUNT(el_last_male) == COUNT(el_last_female), "el");
_Static_assert(COUNT(ru_last_male) == COUNT(ru_last_female), "ru");

void
demo_person(uint64_t *state, struct demo_person *p)
{
	const struct region	*r = &regions[0];
	size_t			 i, last;
	int			 percent, female;

	percent = (int)demo_uniform(state, 100);
	for (i = 0; i < COUNT(regions); i++) {
		r = &regions[i];
		if (percent < r->percent)
			break;
		percent -= r->percent;
	}

	female = (int)demo_uniform(state, 2);
	last = demo_skewed(state, r->nlast);
	if (female) {
		p->first_name = r->female[demo_skewed(state, r->nfemale)];
		p->last_name = r->last_female != NULL ? r->last_female[last] :
		    r->last[last];
	} else {
		p->first_name = r->male[demo_skewed(state, r->nmale)];
		p->last_name = r->last[last];
	}
	p->language = r->language;
	p->time_zone = r->time_zone;
}

/* ---------------------------------------------------------------- training */

const struct demo_subject demo_subjects[] = {
	{ "Access Control", "ACC", "en" },
	{ "Agile Delivery", "AGL", "en" },
	{ "Backup and Recovery", "BKP", "en" },
	{ "Business Continuity", "BCM", "en" },
	{ "Cloud Architecture", "CLD", "en" },
	{ "Customer Success", "CSM", "en" },
	{ "Cyber Security", "CYB", "en" },
	{ "Data Protection", "DPR", "en" },
	{ "Database Administration", "DBA", "en" },
	{ "DevOps Pipelines", "DVO", "en" },
	{ "Electrical Safety", "ELS", "en" },
	{ "Enterprise Sales", "ENS", "en" },
	{ "Field Service", "FLD", "en" },
	{ "Financial Compliance", "FIN", "en" },
	{ "Fire Safety", "FIR", "en" },
	{ "Green IT", "GRN", "en" },
	{ "Hazard Communication", "HAZ", "en" },
	{ "Help Desk Operations", "HLP", "en" },
	{ "Identity Management", "IDM", "en" },
	{ "Incident Management", "INC", "en" },
	{ "Java Development", "JAV", "en" },
	{ "Key Account Management", "KAM", "en" },
	{ "Kubernetes Operations", "K8S", "en" },
	{ "Lean Manufacturing", "LEAN", "en" },
	{ "Leadership", "LDR", "en" },
	{ "Linux Administration", "LNX", "en" },
	{ "Machine Safety", "MCH", "en" },
	{ "Marketing Analytics", "MKT", "en" },
	{ "Mobile Networks", "MOB", "en" },
	{ "Network Engineering", "NET", "en" },
	{ "Network Security", "NSC", "en" },
	{ "Occupational Health", "OHS", "en" },
	{ "Office Ergonomics", "ERG", "en" },
	{ "Project Management", "PMG", "en" },
	{ "Product Knowledge", "PRD", "en" },
	{ "Python Programming", "PYT", "en" },
	{ "Quality Assurance", "QAS", "en" },
	{ "Risk Management", "RSK", "en" },
	{ "Routing and Switching", "RTS", "en" },
	{ "Sales Engineering", "SEN", "en" },
	{ "Security Awareness", "SEC", "en" },
	{ "Storage Systems", "STO", "en" },
	{ "Technical Support", "SUP", "en" },
	{ "Telephony", "TEL", "en" },
	{ "Unified Communications", "UCM", "en" },
	{ "Vendor Management", "VND", "en" },
	{ "Virtualization", "VRT", "en" },
	{ "Warehouse Operations", "WHS", "en" },
	{ "Wireless Networks", "WLN", "en" },
	{ "Workplace Safety", "WPS", "en" },
	{ "Zero Trust Networking", "ZTN", "en" },
	{ "Cybersécurité", "CYS", "fr" },
	{ "Électricité industrielle", "ELE", "fr" },
	{ "Gestion de projet", "GPJ", "fr" },
	{ "Hygiène alimentaire", "HYG", "fr" },
	{ "Management d’équipe", "MGT", "fr" },
	{ "Prévention des risques", "PRV", "fr" },
	{ "Protection des données", "RGPD", "fr" },
	{ "Relation client", "RCL", "fr" },
	{ "Réseaux sans fil", "RSF", "fr" },
	{ "Sécurité au travail", "SST", "fr" },
};
const size_t demo_nsubjects = COUNT(demo_subjects);

static const char *const en_topics[] = { "Essentials", "Hands-on Lab",
    "Fundamentals", "Best Practices", "Troubleshooting", "Refresher",
    "Exam Preparation", "Case Studies", "Advanced Topics", "Workshop",
    "Tools and Techniques", "Design Principles" };
static const char *const fr_topics[] = { "Les bases", "Atelier pratique",
    "Remise à niveau", "Cas pratiques", "Préparation à l’examen",
    "Perfectionnement" };
static const char *const en_levels[] = { "Associate", "Professional",
    "Foundation", "Specialist", "Expert", "Practitioner" };
static const char *const fr_levels[] = { "niveau 1", "niveau 2",
    "initiation", "perfectionnement", "expert" };
static const char *const industries[] = { "Healthcare", "Retail",
    "Manufacturing", "the Public Sector", "Financial Services", "Energy",
    "Logistics", "Education" };

void
demo_course_name(uint64_t *state, size_t s, char *out, size_t outsz)
{
	const struct demo_subject	*subject = &demo_subjects[s];

	if (strcmp(subject->language, "fr") == 0)
		snprintf(out, outsz, "%s : %s", subject->name,
		    fr_topics[demo_skewed(state, COUNT(fr_topics))]);
	else
		snprintf(out, outsz, "%s: %s", subject->name,
		    en_topics[demo_skewed(state, COUNT(en_topics))]);
}

void
demo_certification_name(uint64_t *state, size_t s, char *out, size_t outsz)
{
	const struct demo_subject	*subject = &demo_subjects[s];
	const char			*level;

	if (strcmp(subject->language, "fr") == 0) {
		level = fr_levels[demo_skewed(state, COUNT(fr_levels))];
		snprintf(out, outsz, "%s – %s", subject->name, level);
		return;
	}
	level = en_levels[demo_skewed(state, COUNT(en_levels))];
	if (demo_uniform(state, 5) < 2)
		snprintf(out, outsz, "%s %s for %s", subject->name, level,
		    industries[demo_uniform(state, COUNT(industries))]);
	else
		snprintf(out, outsz, "%s %s", subject->name, level);
}

/* ---------------------------------------------------------------- groups */

static const char *const departments[] = { "Sales", "Support Tier 1",
    "Support Tier 2", "Presales", "Field Service", "Engineering",
    "Marketing", "Finance", "Operations", "Human Resources", "Partners",
    "Customers", "Channel", "Logistics", "Procurement", "Legal" };
static const char *const areas[] = { "EMEA", "APAC", "Americas", "DACH",
    "Nordics", "France", "Benelux", "Iberia", "Italy", "UK & Ireland",
    "Central Europe", "Middle East", "India", "Japan", "Greater China",
    "North America", "Latin America" };

void
demo_group_name(long long i, char *out, size_t outsz)
{
	long long	 combinations = COUNT(departments) * COUNT(areas);
	long long	 team = i / combinations;
	const char	*department = departments[i % COUNT(departments)];
	const char	*area = areas[(i / COUNT(departments)) % COUNT(areas)];

	if (team == 0)
		snprintf(out, outsz, "%s %s", department, area);
	else
		snprintf(out, outsz, "%s %s – Team %lld", department, area,
		    team + 1);
}

static const char *const catalog_names[] = { "Product Training",
    "Compliance", "Partner Academy", "Customer Education",
    "Leadership Development", "Technical Certifications",
    "Health and Safety", "Sales Enablement", "Onboarding",
    "Formations en français" };

void
demo_catalog_name(long long i, char *out, size_t outsz)
{
	long long	 n = COUNT(catalog_names);

	if (i < n)
		snprintf(out, outsz, "%s", catalog_names[i]);
	else
		snprintf(out, outsz, "%s %lld", catalog_names[i % n],
		    i / n + 1);
}
