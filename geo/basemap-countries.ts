/**
 * The countries of the built-in basemap (geo/basemap.json) by the ISO 3166-1 numeric code it
 * names them with, and their English names for editors' messages. Only the story checker reads
 * this (readers never download it); a unit test keeps it equal to the basemap's own list, so a
 * rebuilt basemap cannot leave it stale.
 */
export const BASEMAP_COUNTRIES: Readonly<Record<string, string>> = {
  '050': 'Bangladesh',
  '064': 'Bhutan',
  '096': 'Brunei',
  '104': 'Myanmar',
  '116': 'Cambodia',
  '156': 'China',
  '158': 'Taiwan',
  '316': 'Guam',
  '344': 'Hong Kong',
  '356': 'India',
  '360': 'Indonesia',
  '392': 'Japan',
  '408': 'North Korea',
  '410': 'South Korea',
  '418': 'Laos',
  '446': 'Macao',
  '458': 'Malaysia',
  '496': 'Mongolia',
  '524': 'Nepal',
  '585': 'Palau',
  '608': 'Philippines',
  '643': 'Russia',
  '704': 'Vietnam',
  '764': 'Thailand',
};
