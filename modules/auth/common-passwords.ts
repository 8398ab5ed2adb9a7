/**
 * The most used passwords in public breach corpora (English, French and Dutch
 * speaking users), lower-cased. A password equal to one of these, or one of
 * these padded with digits/symbols, is refused at registration and reset.
 */
export const COMMON_PASSWORDS = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 111111 123123 000000
  abc123 password1 password123 iloveyou 1q2w3e4r 1q2w3e4r5t qwertyuiop 654321 555555 666666 121212
  dragon monkey letmein football baseball sunshine princess welcome welcome1 admin administrator
  master shadow superman batman trustno1 michael jennifer jordan hunter ranger buster soccer
  hockey killer george charlie andrew thomas jessica pepper daniel starwars computer whatever
  freedom nicole ginger summer winter autumn spring love lovely loveme flower hello hello123
  azerty azertyuiop azerty123 motdepasse soleil bonjour doudou chouchou loulou marseille
  nicolas julien camille isabelle amour jetaime coucou chocolat vacances bruxelles brussel
  belgique belgie wachtwoord welkom geheim voetbal liefde schatje antwerpen gent liege
  namur brugge leuven charleroi anderlecht standard clubbrugge immo immobilier vastgoed
  changeme changeit secret secret123 passw0rd p@ssw0rd p@ssword pa$$word default guest
  test test123 testing demo user login access access123 root toor pass pass123 qazwsx
  zaq12wsx 1qaz2wsx asdfgh asdfghjkl zxcvbnm zxcvbn qwer1234 abcd1234 aa123456 a123456
  123qwe 123abc abcdef abcdefg abcdefgh 11111111 22222222 88888888 12341234 123321 112233
  696969 987654321 159753 147258369 741852963 mustang harley jordan23 michelle maggie
  ashley bailey daniel1 robert matthew joshua amanda jessica1 anthony william sophie
  chelsea arsenal liverpool barcelona realmadrid juventus pokemon minecraft fortnite
  starwars1 iloveyou1 princess1 sunshine1 football1 qwerty1 password12 password1234
  motdepasse1 wachtwoord1 azerty1 bienvenue bienvenue1 salut merci maison appartement`
    .split(/\s+/)
    .filter(Boolean),
);
