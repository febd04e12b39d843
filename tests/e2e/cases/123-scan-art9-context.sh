# scan: an Art. 9 keyword is reported with the column it was found in, and
# not when it is a name or a part of an e-mail address ("Krebs" is a German
# surname as well as "cancer"): in CSV, JSON Lines and SQL; in plain text
# only the e-mail address is context.
. "$E2E_LIB"

cat >k.csv <<'CSV'
id,email,first_name,last_name,notes
1,maria.krebs@example.de,Maria,Krebs,Kunde seit 2019
2,hans@example.de,Hans,Meyer,Diagnose Krebs laut Arzt
3,krebs@example.org,Krebs,Krebs,x
CSV
bk scan --json k.csv
cat_of() {	# cat_of CATEGORY FIELD: the field of a category, or none
	jget "([c['$2'] for c in d['categories'] if c['category']=='$1'] or ['none'])[0]"
}
expect_eq "health values (two words of record 2)" "$(cat_of health values)" 2
expect_eq "health records" "$(cat_of health records)" 1
expect_eq "health columns" "$(cat_of health columns)" '["notes"]'
expect_eq "e-mail addresses still found" "$(cat_of email values)" 3
expect_eq "names still found" "$(cat_of name values)" 6

printf '%s\n' '{"email":"anna.krebs@example.de","last_name":"Krebs","note":"Therapie begonnen"}' \
    '{"email":"b@example.de","last_name":"Krebs","note":"x"}' >k.jsonl
bk scan --json k.jsonl
expect_eq "jsonl health values" "$(cat_of health values)" 1
expect_eq "jsonl health columns" "$(cat_of health columns)" '["note"]'

cat >k.sql <<'SQL'
CREATE TABLE `customers` (`id` int, `email` varchar(80), `last_name` varchar(40), `notes` text);
INSERT INTO `customers` VALUES (1,'k.krebs@example.de','Krebs','Mitglied der Gewerkschaft'),(2,'x@example.de','Krebs','');
SQL
bk scan --json k.sql
expect_eq "sql format" "$(jget 'd["files"][0]["format"]')" sql
expect_eq "sql health" "$(cat_of health values)" none
expect_eq "sql union values" "$(cat_of trade_union values)" 1
expect_eq "sql union columns" "$(cat_of trade_union columns)" '["notes"]'

printf 'Mail an maria.krebs@example.de wegen Diagnose\nKrebs im Befund\n' >k.txt
bk scan --json k.txt
expect_eq "text health values" "$(cat_of health values)" 2
expect_eq "text health records" "$(cat_of health records)" 2
expect_eq "text health columns" "$(cat_of health columns)" '[]'

# SQLite's .dump: CREATE TABLE on one line, INSERT INTO t VALUES(...)
sqlite3 app.db "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT, last_name TEXT, amount DECIMAL(10,2) DEFAULT '0,00', notes TEXT, UNIQUE(email)); INSERT INTO users VALUES(1,'anna@example.de','Krebs',1.5,'Diagnose offen'),(2,'bob@example.org','Meyer',2,'');" ||
	fail "sqlite3 could not build the test database"
sqlite3 app.db .dump >app.sql
bk scan --json app.sql
expect_eq "sqlite dump format" "$(jget 'd["files"][0]["format"]')" sql
expect_eq "sqlite dump records (the two rows only)" "$(jget 'd["files"][0]["records"]')" 2
expect_eq "sqlite dump e-mail" "$(cat_of email values)" 2
expect_eq "sqlite dump e-mail column" "$(cat_of email columns)" '["email"]'
expect_eq "sqlite dump names" "$(cat_of name columns)" '["last_name"]'
expect_eq "sqlite dump health (the note, not the name)" "$(cat_of health values)" 1
expect_eq "sqlite dump health column" "$(cat_of health columns)" '["notes"]'

# a CREATE TABLE that never closes does not swallow the INSERTs after it
printf 'CREATE TABLE broken (\n  `id` int,\n  `email` varchar(80)\nINSERT INTO broken VALUES (1,%s);\n' \
    "'c@example.de'" >broken.sql
bk scan --json broken.sql
expect_eq "unclosed CREATE: e-mail still found" "$(cat_of email values)" 1

# pretty-printed JSON under a key, with a value of the wrapper first: a
# record per user (nested objects and arrays inside it), keys as columns
cat >p.json <<'JSON'
{
  "meta": {
    "count": 2
  },
  "exported": "2024-05-01",
  "users": [
    {
      "email": "anna.krebs@example.de",
      "last_name": "Krebs",
      "address": {
        "street": "Demostr. 5"
      },
      "phones": [
        "0151 12345678",
        "+49 30 1234567"
      ],
      "note": "Diagnose {offen}"
    },
    {
      "email": "bob@example.org",
      "last_name": "Meyer"
    }
  ]
}
JSON
bk scan --json p.json
expect_eq "pretty json format" "$(jget 'd["files"][0]["format"]')" json
expect_eq "pretty json e-mail records" "$(cat_of email records)" 2
expect_eq "pretty json phones: one record" "$(cat_of phone records)" 1
expect_eq "pretty json phone values" "$(cat_of phone values)" 2
expect_eq "pretty json phone column" "$(cat_of phone columns)" '["phones"]'
expect_eq "pretty json address column" "$(cat_of address columns)" '["street"]'
expect_eq "pretty json health" "$(cat_of health values)" 1
expect_eq "pretty json health column" "$(cat_of health columns)" '["note"]'

# SQL Server scripts: INSERT without INTO, [bracketed] names, N'...'
cat >mssql.sql <<'SQL'
USE [shop]
GO
SET IDENTITY_INSERT [dbo].[Customers] ON
INSERT [dbo].[Customers] ([Id], [Email], [LastName], [Birthdate]) VALUES (1, N'anna@example.de', N'Krebs', N'1980-02-03')
INSERT [dbo].[Customers] ([Id], [Email], [LastName], [Birthdate]) VALUES (2, N'bob@example.org', N'Meyer', N'1975-12-24')
GO
SQL
bk scan --json mssql.sql
expect_eq "mssql format" "$(jget 'd["files"][0]["format"]')" sql
expect_eq "mssql records" "$(jget 'd["files"][0]["records"]')" 2
expect_eq "mssql e-mail" "$(cat_of email values)" 2
expect_eq "mssql names" "$(cat_of name columns)" '["LastName"]'
expect_eq "mssql dates of birth" "$(cat_of date_of_birth values)" 2
expect_eq "mssql no health from a surname" "$(cat_of health values)" none
