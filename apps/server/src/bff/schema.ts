/**
 * The GraphQL BFF's schema: the composed reads the web pages need in one
 * round trip. Every field is resolved through a module's public API
 * (`ctx.module<Api>(name)` on the server side), never its tables.
 */
export const typeDefs = /* GraphQL */ `
  enum Locale {
    fr
    nl
    de
    en
  }

  type Query {
    "A listing as GET /v1/listings/:id shows it to the caller (a draft only to its owner, agents, moderators); null when hidden or unknown."
    listing(id: ID!, locale: Locale = fr): Listing
    "The signed-in caller (send the same bearer token as for /v1); an error 401 without one."
    me: Me
  }

  type Me {
    userId: ID!
    role: String!
    "Favourites that are still public, newest first."
    favourites(limit: Int = 50): [Listing!]!
  }

  type LocalizedText {
    fr: String
    nl: String
    de: String
    en: String
  }

  type CommuneName {
    fr: String!
    nl: String!
    de: String
  }

  type Address {
    street: String!
    number: String!
    box: String
    postalCode: String!
    communeNis: String!
    hidden: Boolean!
  }

  type Epc {
    label: String!
    kwh: Float!
    certificate: String!
  }

  "A photo as the listing carries it (cover first in display order)."
  type PhotoRef {
    id: ID!
    url: String
    width: Int
    height: Int
  }

  "A ready photo from the media module, with every rendition for srcset."
  type MediaPhoto {
    id: ID!
    width: Int
    height: Int
    isCover: Boolean!
    dominantColor: String
    variants: [PhotoVariant!]!
  }

  type PhotoVariant {
    name: String!
    format: String!
    width: Int!
    height: Int!
    url: String
  }

  type PricePoint {
    price: Int!
    charges: Int
    changedAt: String!
  }

  "Who advertises the listing: an agency's public card, or a private owner (whose name stays private)."
  type Advertiser {
    kind: String!
    agencyId: ID
    name: String
    logoUrl: String
  }

  "A search result card (what the similar listings show)."
  type ListingCard {
    id: ID!
    transaction: String!
    type: String!
    price: Int!
    bedrooms: Int
    livingArea: Float
    epcLabel: String
    postalCode: String!
    communeName: CommuneName!
    title: LocalizedText!
    "The title in the locale asked, else the first one written."
    heading: String
    coverPhotoUrl: String
    "The whole listing behind the card (batched: one read for all cards of the request)."
    listing: Listing
  }

  type Listing {
    id: ID!
    version: Int!
    status: String!
    transaction: String!
    type: String!
    price: Int!
    charges: Int
    ownerId: ID!
    agencyId: ID
    address: Address!
    region: String!
    provinceNis: String
    communeNis: String!
    postalCode: String!
    communeName: CommuneName!
    lat: Float!
    lon: Float!
    livingArea: Float
    landArea: Float
    rooms: Int
    bedrooms: Int
    bathrooms: Int
    yearBuilt: Int
    condition: String
    epc: Epc
    features: [String!]!
    availableFrom: String
    language: String!
    title: LocalizedText!
    description: LocalizedText!
    "The title in the locale asked, else the listing's own language."
    heading: String
    photos: [PhotoRef!]!
    coverPhotoId: ID
    publishedAt: String
    refreshedAt: String
    createdAt: String!
    updatedAt: String!
    "Batched: one query for all listings of the request."
    priceHistory: [PricePoint!]!
    "Ready photos with renditions, from the media module."
    media: [MediaPhoto!]!
    advertiser: Advertiser!
    "Live listings like this one (same transaction, type and commune, else region), itself excluded. At most 12."
    similar(limit: Int = 4): [ListingCard!]!
  }
`;
