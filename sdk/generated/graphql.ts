/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A location in a connection that can be used for resuming pagination. */
  Cursor: { input: string; output: string; }
  /**
   * A point in time as described by the [ISO
   * 8601](https://en.wikipedia.org/wiki/ISO_8601) and, if it has a timezone, [RFC
   * 3339](https://datatracker.ietf.org/doc/html/rfc3339) standards. Input values
   * that do not conform to both ISO 8601 and RFC 3339 may be coerced, which may lead
   * to unexpected results.
   */
  Datetime: { input: string; output: string; }
  /** Represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A universally unique identifier as defined by [RFC 4122](https://tools.ietf.org/html/rfc4122). */
  UUID: { input: string; output: string; }
};

/** All input for the `acceptInvitation` mutation. */
export type AcceptInvitationInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  token?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `acceptInvitation` mutation. */
export type AcceptInvitationPayload = {
  __typename?: 'AcceptInvitationPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `acceptInvitation` mutation. */
export type AcceptInvitationPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** An API key of the workspace. The secret itself is shown once, at creation or roll; only a hash is kept. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  /** Publishable keys only: hosts the key may be used from (`Origin`/`Referer`), e.g. `example.com` or `*.example.com`. */
  allowedDomains: Array<Maybe<Scalars['String']['output']>>;
  createdAt: Scalars['Datetime']['output'];
  createdBy?: Maybe<Scalars['UUID']['output']>;
  /** When the key stops working; null = never. */
  expiresAt?: Maybe<Scalars['Datetime']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Last successful use, to within about a minute. */
  lastUsedAt?: Maybe<Scalars['Datetime']['output']>;
  /** Reads a single `Membership` that is related to this `ApiKey`. */
  membershipByTenantIdAndCreatedBy?: Maybe<Membership>;
  name: Scalars['String']['output'];
  /** The permission strings the scopes expand to (computed). */
  permissions: Array<Maybe<Scalars['String']['output']>>;
  /** The first characters of the secret, to recognise the key; not enough to use it. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; revoked keys never work again. */
  revokedAt?: Maybe<Scalars['Datetime']['output']>;
  rowId: Scalars['UUID']['output'];
  /** Per-service scopes, e.g. `{"blog": ["read", "write"]}` (see apiKeyScopes). */
  scopes: Scalars['JSON']['output'];
  /** Reads a single `Tenant` that is related to this `ApiKey`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** `secret` (`ls_…`, servers only) or `publishable` (`pk_…`, browsers: public read scopes, allowed domains only). */
  type: Scalars['String']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `ApiKey` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type ApiKeyCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `createdBy` field. */
  createdBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `ApiKey` values. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** A list of edges which contains the `ApiKey` and cursor to aid in pagination. */
  edges: Array<Maybe<ApiKeyEdge>>;
  /** A list of `ApiKey` objects. */
  nodes: Array<Maybe<ApiKey>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `ApiKey` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `ApiKey` edge in the connection. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `ApiKey` at the end of the edge. */
  node?: Maybe<ApiKey>;
};

/** Methods to use when ordering `ApiKey`. */
export type ApiKeyOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'CREATED_BY_ASC'
  | 'CREATED_BY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `ApiKey`. Fields that are set will be updated. */
export type ApiKeyPatch = {
  /** Publishable keys only: hosts the key may be used from (`Origin`/`Referer`), e.g. `example.com` or `*.example.com`. */
  allowedDomains?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Per-service scopes, e.g. `{"blog": ["read", "write"]}` (see apiKeyScopes). */
  scopes?: InputMaybe<Scalars['JSON']['input']>;
};

/** What each API-key scope grants: `{"blog": ["read"]}` means every permission listed for (blog, read). */
export type ApiKeyScope = Node & {
  __typename?: 'ApiKeyScope';
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** True for read scopes on public resources: the only scopes a publishable key may hold. */
  isPublic: Scalars['Boolean']['output'];
  permission: Scalars['String']['output'];
  /** Reads a single `Permission` that is related to this `ApiKeyScope`. */
  permissionByPermission?: Maybe<Permission>;
  scope: Scalars['String']['output'];
  service: Scalars['String']['output'];
  /** Reads a single `Service` that is related to this `ApiKeyScope`. */
  serviceByService?: Maybe<Service>;
};

/**
 * A condition to be used against `ApiKeyScope` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type ApiKeyScopeCondition = {
  /** Checks for equality with the object’s `permission` field. */
  permission?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `scope` field. */
  scope?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `service` field. */
  service?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `ApiKeyScope` values. */
export type ApiKeyScopeConnection = {
  __typename?: 'ApiKeyScopeConnection';
  /** A list of edges which contains the `ApiKeyScope` and cursor to aid in pagination. */
  edges: Array<Maybe<ApiKeyScopeEdge>>;
  /** A list of `ApiKeyScope` objects. */
  nodes: Array<Maybe<ApiKeyScope>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `ApiKeyScope` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `ApiKeyScope` edge in the connection. */
export type ApiKeyScopeEdge = {
  __typename?: 'ApiKeyScopeEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `ApiKeyScope` at the end of the edge. */
  node?: Maybe<ApiKeyScope>;
};

/** Methods to use when ordering `ApiKeyScope`. */
export type ApiKeyScopeOrderBy =
  | 'NATURAL'
  | 'PERMISSION_ASC'
  | 'PERMISSION_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'SCOPE_ASC'
  | 'SCOPE_DESC'
  | 'SERVICE_ASC'
  | 'SERVICE_DESC';

/** All input for the `changeMemberRole` mutation. */
export type ChangeMemberRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  customRoleId?: InputMaybe<Scalars['UUID']['input']>;
  membershipId?: InputMaybe<Scalars['UUID']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `changeMemberRole` mutation. */
export type ChangeMemberRolePayload = {
  __typename?: 'ChangeMemberRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `changeMemberRole` mutation. */
export type ChangeMemberRolePayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `createApiKey` mutation. */
export type CreateApiKeyInput = {
  allowedDomains?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  expiresIn?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  scopes?: InputMaybe<Scalars['JSON']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `createApiKey` mutation. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedApiKey>;
};

/** All input for the create `Post` mutation. */
export type CreatePostInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `Post` to be created by this mutation. */
  post: PostInput;
};

/** The output of our create `Post` mutation. */
export type CreatePostPayload = {
  __typename?: 'CreatePostPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Post` that was created by this mutation. */
  post?: Maybe<Post>;
  /** An edge for our `Post`. May be used by Relay 1. */
  postEdge?: Maybe<PostEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our create `Post` mutation. */
export type CreatePostPayloadPostEdgeArgs = {
  orderBy?: Array<PostOrderBy>;
};

/** All input for the create `Role` mutation. */
export type CreateRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `Role` to be created by this mutation. */
  role: RoleInput;
};

/** The output of our create `Role` mutation. */
export type CreateRolePayload = {
  __typename?: 'CreateRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was created by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our create `Role` mutation. */
export type CreateRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** A new or rolled API key with its secret. The secret is shown only here; store it now. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey?: Maybe<ApiKey>;
  /** The full key (`ls_…` or `pk_…`). It cannot be shown again. */
  secret?: Maybe<Scalars['String']['output']>;
};

/** All input for the `deletePostById` mutation. */
export type DeletePostByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Post` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deletePostByTenantIdAndRowId` mutation. */
export type DeletePostByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deletePost` mutation. */
export type DeletePostInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Post` mutation. */
export type DeletePostPayload = {
  __typename?: 'DeletePostPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedPostId?: Maybe<Scalars['ID']['output']>;
  /** The `Post` that was deleted by this mutation. */
  post?: Maybe<Post>;
  /** An edge for our `Post`. May be used by Relay 1. */
  postEdge?: Maybe<PostEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `Post` mutation. */
export type DeletePostPayloadPostEdgeArgs = {
  orderBy?: Array<PostOrderBy>;
};

/** All input for the `deleteRoleById` mutation. */
export type DeleteRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Role` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteRoleByTenantIdAndKey` mutation. */
export type DeleteRoleByTenantIdAndKeyInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteRoleByTenantIdAndRowId` mutation. */
export type DeleteRoleByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteRole` mutation. */
export type DeleteRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Role` mutation. */
export type DeleteRolePayload = {
  __typename?: 'DeleteRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedRoleId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was deleted by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our delete `Role` mutation. */
export type DeleteRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the `deleteTenant` mutation. */
export type DeleteTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  confirmSlug?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `deleteTenant` mutation. */
export type DeleteTenantPayload = {
  __typename?: 'DeleteTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Scalars['Boolean']['output']>;
};

/** An invitation for someone to join this workspace by email. */
export type Invitation = Node & {
  __typename?: 'Invitation';
  acceptedAt?: Maybe<Scalars['Datetime']['output']>;
  acceptedBy?: Maybe<Scalars['UUID']['output']>;
  createdAt: Scalars['Datetime']['output'];
  customRoleId?: Maybe<Scalars['UUID']['output']>;
  email: Scalars['String']['output'];
  expiresAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  invitedBy?: Maybe<Scalars['UUID']['output']>;
  revokedAt?: Maybe<Scalars['Datetime']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  /** Reads a single `RoleTemplate` that is related to this `Invitation`. */
  roleTemplateByRole?: Maybe<RoleTemplate>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Invitation`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Role` that is related to this `Invitation`. */
  tenantCustomRole?: Maybe<Role>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `Invitation`. */
  userByAcceptedBy?: Maybe<User>;
  /** Reads a single `User` that is related to this `Invitation`. */
  userByInvitedBy?: Maybe<User>;
};

/**
 * A condition to be used against `Invitation` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type InvitationCondition = {
  /** Checks for equality with the object’s `acceptedBy` field. */
  acceptedBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `invitedBy` field. */
  invitedBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Invitation` values. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** A list of edges which contains the `Invitation` and cursor to aid in pagination. */
  edges: Array<Maybe<InvitationEdge>>;
  /** A list of `Invitation` objects. */
  nodes: Array<Maybe<Invitation>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Invitation` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Invitation` edge in the connection. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Invitation` at the end of the edge. */
  node?: Maybe<Invitation>;
};

/** Methods to use when ordering `Invitation`. */
export type InvitationOrderBy =
  | 'ACCEPTED_BY_ASC'
  | 'ACCEPTED_BY_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'INVITED_BY_ASC'
  | 'INVITED_BY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** All input for the `inviteMember` mutation. */
export type InviteMemberInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  customRoleId?: InputMaybe<Scalars['UUID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `inviteMember` mutation. */
export type InviteMemberPayload = {
  __typename?: 'InviteMemberPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Invitation`. May be used by Relay 1. */
  invitationEdge?: Maybe<InvitationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Invitation>;
};


/** The output of our `inviteMember` mutation. */
export type InviteMemberPayloadInvitationEdgeArgs = {
  orderBy?: Array<InvitationOrderBy>;
};

/** All input for the `leaveTenant` mutation. */
export type LeaveTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `leaveTenant` mutation. */
export type LeaveTenantPayload = {
  __typename?: 'LeaveTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `leaveTenant` mutation. */
export type LeaveTenantPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** A user's membership of a workspace, with the role that sets their permissions there. */
export type Membership = Node & {
  __typename?: 'Membership';
  /** Reads and enables pagination through a set of `ApiKey`. */
  apiKeysByTenantIdAndCreatedBy: ApiKeyConnection;
  createdAt: Scalars['Datetime']['output'];
  /** A custom role of this workspace, used instead of a built-in role. */
  customRoleId?: Maybe<Scalars['UUID']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Post`. */
  postsByTenantIdAndAuthorId: PostConnection;
  role?: Maybe<Scalars['String']['output']>;
  /** Reads a single `RoleTemplate` that is related to this `Membership`. */
  roleTemplateByRole?: Maybe<RoleTemplate>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Membership`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Role` that is related to this `Membership`. */
  tenantCustomRole?: Maybe<Role>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `Membership`. */
  user?: Maybe<User>;
  userId: Scalars['UUID']['output'];
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipApiKeysByTenantIdAndCreatedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipPostsByTenantIdAndAuthorIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PostOrderBy>>;
};

/**
 * A condition to be used against `Membership` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type MembershipCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `role` field. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Membership` values. */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** A list of edges which contains the `Membership` and cursor to aid in pagination. */
  edges: Array<Maybe<MembershipEdge>>;
  /** A list of `Membership` objects. */
  nodes: Array<Maybe<Membership>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Membership` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Membership` edge in the connection. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Membership` at the end of the edge. */
  node?: Maybe<Membership>;
};

/** Methods to use when ordering `Membership`. */
export type MembershipOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROLE_ASC'
  | 'ROLE_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** The root mutation type which contains root level fields which mutate data. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Joins the workspace an invitation is for. The signed-in user's email must match the invitation. Switch to the workspace afterwards to work in it. */
  acceptInvitation?: Maybe<AcceptInvitationPayload>;
  /** Gives a member a built-in or custom role. Needs `tenant:members.manage`; only owners can make or unmake owners; the last owner cannot be demoted. */
  changeMemberRole?: Maybe<ChangeMemberRolePayload>;
  /** Creates an API key in the active workspace and returns its secret, once. `type`: secret or publishable; `scopes`: e.g. {"blog": ["read"]}; `allowedDomains`: publishable keys only; `expiresIn`: 30d, 90d, 1y or never. Needs `apikeys:manage`; a key cannot hold permissions you do not hold. */
  createApiKey?: Maybe<CreateApiKeyPayload>;
  /** Creates a single `Post`. */
  createPost?: Maybe<CreatePostPayload>;
  /** Creates a single `Role`. */
  createRole?: Maybe<CreateRolePayload>;
  /** Deletes a single `Post` using a unique key. */
  deletePost?: Maybe<DeletePostPayload>;
  /** Deletes a single `Post` using its globally unique id. */
  deletePostById?: Maybe<DeletePostPayload>;
  /** Deletes a single `Post` using a unique key. */
  deletePostByTenantIdAndRowId?: Maybe<DeletePostPayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRole?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using its globally unique id. */
  deleteRoleById?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRoleByTenantIdAndKey?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRoleByTenantIdAndRowId?: Maybe<DeleteRolePayload>;
  /** Deletes the active workspace and everything in it. Owner only; pass the workspace slug to confirm. */
  deleteTenant?: Maybe<DeleteTenantPayload>;
  /** Invites someone to the active workspace by email, with a built-in role (default member) or a custom role. Needs `tenant:members.invite`; you cannot grant permissions you do not hold. */
  inviteMember?: Maybe<InviteMemberPayload>;
  /** Leaves the active workspace. The last owner cannot leave; transfer ownership or delete it. */
  leaveTenant?: Maybe<LeaveTenantPayload>;
  /** Removes a member from the active workspace (needs `tenant:members.manage`; owners only by owners). Their sessions for it end. */
  removeMember?: Maybe<RemoveMemberPayload>;
  /** Revokes an API key of the active workspace for good: data access stops at once, and requests are refused within the server's key cache time (API_KEY_CACHE_SECONDS). Needs `apikeys:manage`. */
  revokeApiKey?: Maybe<RevokeApiKeyPayload>;
  /** Cancels a pending invitation of the active workspace. */
  revokeInvitation?: Maybe<RevokeInvitationPayload>;
  /** Gives an API key a new secret (returned once). The old secret keeps working for the server's grace period (API_KEY_ROLL_GRACE_SECONDS, 24 h by default). Needs `apikeys:manage`. */
  rollApiKey?: Maybe<RollApiKeyPayload>;
  /** Sends a message to the operators of this LogicSpike installation. Works without signing in. Returns true once the message is queued for delivery. */
  submitContactMessage?: Maybe<SubmitContactMessagePayload>;
  /** Makes another member the owner; you become an admin. */
  transferOwnership?: Maybe<TransferOwnershipPayload>;
  /** Updates a single `ApiKey` using a unique key and a patch. */
  updateApiKey?: Maybe<UpdateApiKeyPayload>;
  /** Updates a single `ApiKey` using its globally unique id and a patch. */
  updateApiKeyById?: Maybe<UpdateApiKeyPayload>;
  /** Updates a single `ApiKey` using a unique key and a patch. */
  updateApiKeyByTenantIdAndRowId?: Maybe<UpdateApiKeyPayload>;
  /** Updates a single `Post` using a unique key and a patch. */
  updatePost?: Maybe<UpdatePostPayload>;
  /** Updates a single `Post` using its globally unique id and a patch. */
  updatePostById?: Maybe<UpdatePostPayload>;
  /** Updates a single `Post` using a unique key and a patch. */
  updatePostByTenantIdAndRowId?: Maybe<UpdatePostPayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRole?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using its globally unique id and a patch. */
  updateRoleById?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRoleByTenantIdAndKey?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRoleByTenantIdAndRowId?: Maybe<UpdateRolePayload>;
  /** Updates a single `Tenant` using a unique key and a patch. */
  updateTenant?: Maybe<UpdateTenantPayload>;
  /** Updates a single `Tenant` using its globally unique id and a patch. */
  updateTenantById?: Maybe<UpdateTenantPayload>;
  /** Updates a single `Tenant` using a unique key and a patch. */
  updateTenantBySlug?: Maybe<UpdateTenantPayload>;
  /** Updates a single `TenantSetting` using a unique key and a patch. */
  updateTenantSetting?: Maybe<UpdateTenantSettingPayload>;
  /** Updates a single `TenantSetting` using its globally unique id and a patch. */
  updateTenantSettingById?: Maybe<UpdateTenantSettingPayload>;
  /** Updates a single `User` using a unique key and a patch. */
  updateUser?: Maybe<UpdateUserPayload>;
  /** Updates a single `User` using a unique key and a patch. */
  updateUserByEmail?: Maybe<UpdateUserPayload>;
  /** Updates a single `User` using its globally unique id and a patch. */
  updateUserById?: Maybe<UpdateUserPayload>;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationChangeMemberRoleArgs = {
  input: ChangeMemberRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreatePostArgs = {
  input: CreatePostInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePostArgs = {
  input: DeletePostInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePostByIdArgs = {
  input: DeletePostByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePostByTenantIdAndRowIdArgs = {
  input: DeletePostByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleArgs = {
  input: DeleteRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByIdArgs = {
  input: DeleteRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByTenantIdAndKeyArgs = {
  input: DeleteRoleByTenantIdAndKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByTenantIdAndRowIdArgs = {
  input: DeleteRoleByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteTenantArgs = {
  input: DeleteTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationLeaveTenantArgs = {
  input: LeaveTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRemoveMemberArgs = {
  input: RemoveMemberInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRevokeInvitationArgs = {
  input: RevokeInvitationInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRollApiKeyArgs = {
  input: RollApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationSubmitContactMessageArgs = {
  input: SubmitContactMessageInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationTransferOwnershipArgs = {
  input: TransferOwnershipInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateApiKeyArgs = {
  input: UpdateApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateApiKeyByIdArgs = {
  input: UpdateApiKeyByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateApiKeyByTenantIdAndRowIdArgs = {
  input: UpdateApiKeyByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePostArgs = {
  input: UpdatePostInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePostByIdArgs = {
  input: UpdatePostByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePostByTenantIdAndRowIdArgs = {
  input: UpdatePostByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleArgs = {
  input: UpdateRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByIdArgs = {
  input: UpdateRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByTenantIdAndKeyArgs = {
  input: UpdateRoleByTenantIdAndKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByTenantIdAndRowIdArgs = {
  input: UpdateRoleByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantByIdArgs = {
  input: UpdateTenantByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantBySlugArgs = {
  input: UpdateTenantBySlugInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantSettingArgs = {
  input: UpdateTenantSettingInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantSettingByIdArgs = {
  input: UpdateTenantSettingByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserByEmailArgs = {
  input: UpdateUserByEmailInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserByIdArgs = {
  input: UpdateUserByIdInput;
};

/** An object with a globally unique `ID`. */
export type Node = {
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
};

/** Information about pagination in a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor?: Maybe<Scalars['Cursor']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor?: Maybe<Scalars['Cursor']['output']>;
};

/** Every permission string the platform knows, with what it allows. */
export type Permission = Node & {
  __typename?: 'Permission';
  /** Reads and enables pagination through a set of `ApiKeyScope`. */
  apiKeyScopesByPermission: ApiKeyScopeConnection;
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** The permission string, `<service>:<resource>.<action>`, e.g. `blog:posts.write`. */
  key: Scalars['String']['output'];
};


/** Every permission string the platform knows, with what it allows. */
export type PermissionApiKeyScopesByPermissionArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyScopeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyScopeOrderBy>>;
};

/**
 * A condition to be used against `Permission` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type PermissionCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Permission` values. */
export type PermissionConnection = {
  __typename?: 'PermissionConnection';
  /** A list of edges which contains the `Permission` and cursor to aid in pagination. */
  edges: Array<Maybe<PermissionEdge>>;
  /** A list of `Permission` objects. */
  nodes: Array<Maybe<Permission>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Permission` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Permission` edge in the connection. */
export type PermissionEdge = {
  __typename?: 'PermissionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Permission` at the end of the edge. */
  node?: Maybe<Permission>;
};

/** Methods to use when ordering `Permission`. */
export type PermissionOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

/** A blog post of the workspace. */
export type Post = Node & {
  __typename?: 'Post';
  authorId?: Maybe<Scalars['UUID']['output']>;
  body: Scalars['String']['output'];
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  publishedAt?: Maybe<Scalars['Datetime']['output']>;
  rowId: Scalars['UUID']['output'];
  /** `draft` or `published`; publishing needs `blog:posts.publish`. */
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `Post`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Membership` that is related to this `Post`. */
  tenantAuthor?: Maybe<Membership>;
  tenantId: Scalars['UUID']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `Post` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type PostCondition = {
  /** Checks for equality with the object’s `authorId` field. */
  authorId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `publishedAt` field. */
  publishedAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `status` field. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Post` values. */
export type PostConnection = {
  __typename?: 'PostConnection';
  /** A list of edges which contains the `Post` and cursor to aid in pagination. */
  edges: Array<Maybe<PostEdge>>;
  /** A list of `Post` objects. */
  nodes: Array<Maybe<Post>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Post` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Post` edge in the connection. */
export type PostEdge = {
  __typename?: 'PostEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Post` at the end of the edge. */
  node?: Maybe<Post>;
};

/** An input for mutations affecting `Post` */
export type PostInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** `draft` or `published`; publishing needs `blog:posts.publish`. */
  status?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** Methods to use when ordering `Post`. */
export type PostOrderBy =
  | 'AUTHOR_ID_ASC'
  | 'AUTHOR_ID_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'PUBLISHED_AT_ASC'
  | 'PUBLISHED_AT_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `Post`. Fields that are set will be updated. */
export type PostPatch = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** `draft` or `published`; publishing needs `blog:posts.publish`. */
  status?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The root query type which gives access points into the data universe. */
export type Query = Node & {
  __typename?: 'Query';
  /** Get a single `ApiKey`. */
  apiKey?: Maybe<ApiKey>;
  /** Reads a single `ApiKey` using its globally unique `ID`. */
  apiKeyById?: Maybe<ApiKey>;
  /** Get a single `ApiKey`. */
  apiKeyByTenantIdAndRowId?: Maybe<ApiKey>;
  /** Get a single `ApiKeyScope`. */
  apiKeyScope?: Maybe<ApiKeyScope>;
  /** Reads a single `ApiKeyScope` using its globally unique `ID`. */
  apiKeyScopeById?: Maybe<ApiKeyScope>;
  /** Reads and enables pagination through a set of `ApiKeyScope`. */
  apiKeyScopes?: Maybe<ApiKeyScopeConnection>;
  /** Reads and enables pagination through a set of `ApiKey`. */
  apiKeys?: Maybe<ApiKeyConnection>;
  /** The workspace the caller's token is active in. */
  currentTenant?: Maybe<Tenant>;
  /** The signed-in user, or null when anonymous. */
  currentUser?: Maybe<User>;
  /** The root query type must be a `Node` to work well with Relay 1 mutations. This just resolves to `query`. */
  id: Scalars['ID']['output'];
  /** Get a single `Invitation`. */
  invitation?: Maybe<Invitation>;
  /** Reads a single `Invitation` using its globally unique `ID`. */
  invitationById?: Maybe<Invitation>;
  /** Get a single `Invitation`. */
  invitationByTenantIdAndRowId?: Maybe<Invitation>;
  /** Reads and enables pagination through a set of `Invitation`. */
  invitations?: Maybe<InvitationConnection>;
  /** Get a single `Membership`. */
  membership?: Maybe<Membership>;
  /** Reads a single `Membership` using its globally unique `ID`. */
  membershipById?: Maybe<Membership>;
  /** Get a single `Membership`. */
  membershipByTenantIdAndRowId?: Maybe<Membership>;
  /** Get a single `Membership`. */
  membershipByTenantIdAndUserId?: Maybe<Membership>;
  /** Reads and enables pagination through a set of `Membership`. */
  memberships?: Maybe<MembershipConnection>;
  /** The caller's memberships in every workspace (for a workspace switcher). */
  myMemberships?: Maybe<MembershipConnection>;
  /** Fetches an object given its globally unique `ID`. */
  node?: Maybe<Node>;
  /** Get a single `Permission`. */
  permission?: Maybe<Permission>;
  /** Reads a single `Permission` using its globally unique `ID`. */
  permissionById?: Maybe<Permission>;
  /** Reads and enables pagination through a set of `Permission`. */
  permissions?: Maybe<PermissionConnection>;
  /** Get a single `Post`. */
  post?: Maybe<Post>;
  /** Reads a single `Post` using its globally unique `ID`. */
  postById?: Maybe<Post>;
  /** Get a single `Post`. */
  postByTenantIdAndRowId?: Maybe<Post>;
  /** Reads and enables pagination through a set of `Post`. */
  posts?: Maybe<PostConnection>;
  /**
   * Exposes the root query type nested one level down. This is helpful for Relay 1
   * which can only query top level fields if they are in a particular form.
   */
  query: Query;
  /** Get a single `Role`. */
  role?: Maybe<Role>;
  /** Reads a single `Role` using its globally unique `ID`. */
  roleById?: Maybe<Role>;
  /** Get a single `Role`. */
  roleByTenantIdAndKey?: Maybe<Role>;
  /** Get a single `Role`. */
  roleByTenantIdAndRowId?: Maybe<Role>;
  /** Get a single `RoleTemplate`. */
  roleTemplate?: Maybe<RoleTemplate>;
  /** Reads a single `RoleTemplate` using its globally unique `ID`. */
  roleTemplateById?: Maybe<RoleTemplate>;
  /** Get a single `RoleTemplate`. */
  roleTemplateByRank?: Maybe<RoleTemplate>;
  /** Reads and enables pagination through a set of `RoleTemplate`. */
  roleTemplates?: Maybe<RoleTemplateConnection>;
  /** Reads and enables pagination through a set of `Role`. */
  roles?: Maybe<RoleConnection>;
  /** Get a single `Service`. */
  service?: Maybe<Service>;
  /** Reads a single `Service` using its globally unique `ID`. */
  serviceById?: Maybe<Service>;
  /** Reads and enables pagination through a set of `Service`. */
  services?: Maybe<ServiceConnection>;
  /** Get a single `Tenant`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Tenant` using its globally unique `ID`. */
  tenantById?: Maybe<Tenant>;
  /** Get a single `Tenant`. */
  tenantBySlug?: Maybe<Tenant>;
  /** Get a single `TenantService`. */
  tenantService?: Maybe<TenantService>;
  /** Reads a single `TenantService` using its globally unique `ID`. */
  tenantServiceById?: Maybe<TenantService>;
  /** Reads and enables pagination through a set of `TenantService`. */
  tenantServices?: Maybe<TenantServiceConnection>;
  /** Get a single `TenantSetting`. */
  tenantSetting?: Maybe<TenantSetting>;
  /** Reads a single `TenantSetting` using its globally unique `ID`. */
  tenantSettingById?: Maybe<TenantSetting>;
  /** Reads and enables pagination through a set of `TenantSetting`. */
  tenantSettings?: Maybe<TenantSettingConnection>;
  /** Reads and enables pagination through a set of `Tenant`. */
  tenants?: Maybe<TenantConnection>;
  /** Get a single `User`. */
  user?: Maybe<User>;
  /** Get a single `User`. */
  userByEmail?: Maybe<User>;
  /** Reads a single `User` using its globally unique `ID`. */
  userById?: Maybe<User>;
  /** Reads and enables pagination through a set of `User`. */
  users?: Maybe<UserConnection>;
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyScopeArgs = {
  permission: Scalars['String']['input'];
  scope: Scalars['String']['input'];
  service: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyScopeByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyScopesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyScopeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyScopeOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipByTenantIdAndUserIdArgs = {
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryMyMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** The root query type which gives access points into the data universe. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PermissionCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PermissionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryPostArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPostByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPostByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPostsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PostOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByTenantIdAndKeyArgs = {
  key: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplateArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplateByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplateByRankArgs = {
  rank: Scalars['Int']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplatesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleTemplateCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleTemplateOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryServiceArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryServiceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ServiceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantBySlugArgs = {
  slug: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantServiceArgs = {
  service: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantServiceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantServiceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantSettingArgs = {
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantSettingByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantSettingsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantSettingCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantSettingOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserByEmailArgs = {
  email: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrderBy>>;
};

/** All input for the `removeMember` mutation. */
export type RemoveMemberInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  membershipId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `removeMember` mutation. */
export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `removeMember` mutation. */
export type RemoveMemberPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `revokeApiKey` mutation. */
export type RevokeApiKeyInput = {
  apiKeyId?: InputMaybe<Scalars['UUID']['input']>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `revokeApiKey` mutation. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** An edge for our `ApiKey`. May be used by Relay 1. */
  apiKeyEdge?: Maybe<ApiKeyEdge>;
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<ApiKey>;
};


/** The output of our `revokeApiKey` mutation. */
export type RevokeApiKeyPayloadApiKeyEdgeArgs = {
  orderBy?: Array<ApiKeyOrderBy>;
};

/** All input for the `revokeInvitation` mutation. */
export type RevokeInvitationInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  invitationId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `revokeInvitation` mutation. */
export type RevokeInvitationPayload = {
  __typename?: 'RevokeInvitationPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Invitation`. May be used by Relay 1. */
  invitationEdge?: Maybe<InvitationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Invitation>;
};


/** The output of our `revokeInvitation` mutation. */
export type RevokeInvitationPayloadInvitationEdgeArgs = {
  orderBy?: Array<InvitationOrderBy>;
};

/** A custom role of this workspace: a named set of permissions members can be given. */
export type Role = Node & {
  __typename?: 'Role';
  createdAt: Scalars['Datetime']['output'];
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  permissions: Array<Maybe<Scalars['String']['output']>>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Role`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `Role` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type RoleCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Role` values. */
export type RoleConnection = {
  __typename?: 'RoleConnection';
  /** A list of edges which contains the `Role` and cursor to aid in pagination. */
  edges: Array<Maybe<RoleEdge>>;
  /** A list of `Role` objects. */
  nodes: Array<Maybe<Role>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Role` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Role` edge in the connection. */
export type RoleEdge = {
  __typename?: 'RoleEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Role` at the end of the edge. */
  node?: Maybe<Role>;
};

/** An input for mutations affecting `Role` */
export type RoleInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
  permissions?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
};

/** Methods to use when ordering `Role`. */
export type RoleOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `Role`. Fields that are set will be updated. */
export type RolePatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  permissions?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
};

/** Built-in roles (owner, admin, member) and the permissions each grants. */
export type RoleTemplate = Node & {
  __typename?: 'RoleTemplate';
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `Membership`. */
  membershipsByRole: MembershipConnection;
  name: Scalars['String']['output'];
  permissions: Array<Maybe<Scalars['String']['output']>>;
  /** Higher ranks outrank lower ones (owner 100, admin 50, member 10). */
  rank: Scalars['Int']['output'];
};


/** Built-in roles (owner, admin, member) and the permissions each grants. */
export type RoleTemplateMembershipsByRoleArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};

/**
 * A condition to be used against `RoleTemplate` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type RoleTemplateCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rank` field. */
  rank?: InputMaybe<Scalars['Int']['input']>;
};

/** A connection to a list of `RoleTemplate` values. */
export type RoleTemplateConnection = {
  __typename?: 'RoleTemplateConnection';
  /** A list of edges which contains the `RoleTemplate` and cursor to aid in pagination. */
  edges: Array<Maybe<RoleTemplateEdge>>;
  /** A list of `RoleTemplate` objects. */
  nodes: Array<Maybe<RoleTemplate>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `RoleTemplate` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `RoleTemplate` edge in the connection. */
export type RoleTemplateEdge = {
  __typename?: 'RoleTemplateEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `RoleTemplate` at the end of the edge. */
  node?: Maybe<RoleTemplate>;
};

/** Methods to use when ordering `RoleTemplate`. */
export type RoleTemplateOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'RANK_ASC'
  | 'RANK_DESC';

/** All input for the `rollApiKey` mutation. */
export type RollApiKeyInput = {
  apiKeyId?: InputMaybe<Scalars['UUID']['input']>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `rollApiKey` mutation. */
export type RollApiKeyPayload = {
  __typename?: 'RollApiKeyPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedApiKey>;
};

/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type Service = Node & {
  __typename?: 'Service';
  /** Reads and enables pagination through a set of `ApiKeyScope`. */
  apiKeyScopesByService: ApiKeyScopeConnection;
  defaultEnabled: Scalars['Boolean']['output'];
  defaultLimits: Scalars['JSON']['output'];
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `TenantService`. */
  tenantServicesByService: TenantServiceConnection;
};


/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type ServiceApiKeyScopesByServiceArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyScopeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyScopeOrderBy>>;
};


/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type ServiceTenantServicesByServiceArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantServiceOrderBy>>;
};

/** A condition to be used against `Service` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type ServiceCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Service` values. */
export type ServiceConnection = {
  __typename?: 'ServiceConnection';
  /** A list of edges which contains the `Service` and cursor to aid in pagination. */
  edges: Array<Maybe<ServiceEdge>>;
  /** A list of `Service` objects. */
  nodes: Array<Maybe<Service>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Service` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Service` edge in the connection. */
export type ServiceEdge = {
  __typename?: 'ServiceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Service` at the end of the edge. */
  node?: Maybe<Service>;
};

/** Methods to use when ordering `Service`. */
export type ServiceOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

/** All input for the `submitContactMessage` mutation. */
export type SubmitContactMessageInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  message?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `submitContactMessage` mutation. */
export type SubmitContactMessagePayload = {
  __typename?: 'SubmitContactMessagePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Scalars['Boolean']['output']>;
};

/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type Tenant = Node & {
  __typename?: 'Tenant';
  /** Reads and enables pagination through a set of `ApiKey`. */
  apiKeys: ApiKeyConnection;
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Invitation`. */
  invitations: InvitationConnection;
  /** Reads and enables pagination through a set of `Membership`. */
  memberships: MembershipConnection;
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `Post`. */
  posts: PostConnection;
  /** Reads and enables pagination through a set of `Role`. */
  roles: RoleConnection;
  rowId: Scalars['UUID']['output'];
  slug: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `TenantService`. */
  tenantServices: TenantServiceConnection;
  /** Reads a single `TenantSetting` that is related to this `Tenant`. */
  tenantSetting?: Maybe<TenantSetting>;
  updatedAt: Scalars['Datetime']['output'];
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantApiKeysArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantInvitationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantPostsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PostOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantTenantServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantServiceOrderBy>>;
};

/** A condition to be used against `Tenant` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type TenantCondition = {
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `slug` field. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Tenant` values. */
export type TenantConnection = {
  __typename?: 'TenantConnection';
  /** A list of edges which contains the `Tenant` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantEdge>>;
  /** A list of `Tenant` objects. */
  nodes: Array<Maybe<Tenant>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Tenant` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Tenant` edge in the connection. */
export type TenantEdge = {
  __typename?: 'TenantEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Tenant` at the end of the edge. */
  node?: Maybe<Tenant>;
};

/** Methods to use when ordering `Tenant`. */
export type TenantOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'SLUG_ASC'
  | 'SLUG_DESC';

/** Represents an update to a `Tenant`. Fields that are set will be updated. */
export type TenantPatch = {
  name?: InputMaybe<Scalars['String']['input']>;
};

/** What this workspace is entitled to: each service, whether it is on, and its limits (rebuilt by billing). */
export type TenantService = Node & {
  __typename?: 'TenantService';
  createdAt: Scalars['Datetime']['output'];
  enabled: Scalars['Boolean']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  limits: Scalars['JSON']['output'];
  service: Scalars['String']['output'];
  /** Reads a single `Service` that is related to this `TenantService`. */
  serviceByService?: Maybe<Service>;
  /** Reads a single `Tenant` that is related to this `TenantService`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/**
 * A condition to be used against `TenantService` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type TenantServiceCondition = {
  /** Checks for equality with the object’s `service` field. */
  service?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `TenantService` values. */
export type TenantServiceConnection = {
  __typename?: 'TenantServiceConnection';
  /** A list of edges which contains the `TenantService` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantServiceEdge>>;
  /** A list of `TenantService` objects. */
  nodes: Array<Maybe<TenantService>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `TenantService` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `TenantService` edge in the connection. */
export type TenantServiceEdge = {
  __typename?: 'TenantServiceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `TenantService` at the end of the edge. */
  node?: Maybe<TenantService>;
};

/** Methods to use when ordering `TenantService`. */
export type TenantServiceOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'SERVICE_ASC'
  | 'SERVICE_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Branding and regional settings of a workspace. */
export type TenantSetting = Node & {
  __typename?: 'TenantSetting';
  createdAt: Scalars['Datetime']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** BCP 47 language tag, e.g. `en-IN`. */
  locale: Scalars['String']['output'];
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Free-form JSON object for the workspace's own settings, at most 16 KiB. */
  preferences: Scalars['JSON']['output'];
  primaryColor?: Maybe<Scalars['String']['output']>;
  /** Reads a single `Tenant` that is related to this `TenantSetting`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** IANA time zone name, e.g. `Asia/Kolkata`. */
  timezone: Scalars['String']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** First day of the week: 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
  weekStart: Scalars['Int']['output'];
};

/**
 * A condition to be used against `TenantSetting` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type TenantSettingCondition = {
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `TenantSetting` values. */
export type TenantSettingConnection = {
  __typename?: 'TenantSettingConnection';
  /** A list of edges which contains the `TenantSetting` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantSettingEdge>>;
  /** A list of `TenantSetting` objects. */
  nodes: Array<Maybe<TenantSetting>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `TenantSetting` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `TenantSetting` edge in the connection. */
export type TenantSettingEdge = {
  __typename?: 'TenantSettingEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `TenantSetting` at the end of the edge. */
  node?: Maybe<TenantSetting>;
};

/** Methods to use when ordering `TenantSetting`. */
export type TenantSettingOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `TenantSetting`. Fields that are set will be updated. */
export type TenantSettingPatch = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** BCP 47 language tag, e.g. `en-IN`. */
  locale?: InputMaybe<Scalars['String']['input']>;
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** Free-form JSON object for the workspace's own settings, at most 16 KiB. */
  preferences?: InputMaybe<Scalars['JSON']['input']>;
  primaryColor?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone name, e.g. `Asia/Kolkata`. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** First day of the week: 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
  weekStart?: InputMaybe<Scalars['Int']['input']>;
};

/** All input for the `transferOwnership` mutation. */
export type TransferOwnershipInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  membershipId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `transferOwnership` mutation. */
export type TransferOwnershipPayload = {
  __typename?: 'TransferOwnershipPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `transferOwnership` mutation. */
export type TransferOwnershipPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `updateApiKeyById` mutation. */
export type UpdateApiKeyByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `ApiKey` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `ApiKey` being updated. */
  patch: ApiKeyPatch;
};

/** All input for the `updateApiKeyByTenantIdAndRowId` mutation. */
export type UpdateApiKeyByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `ApiKey` being updated. */
  patch: ApiKeyPatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateApiKey` mutation. */
export type UpdateApiKeyInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `ApiKey` being updated. */
  patch: ApiKeyPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `ApiKey` mutation. */
export type UpdateApiKeyPayload = {
  __typename?: 'UpdateApiKeyPayload';
  /** The `ApiKey` that was updated by this mutation. */
  apiKey?: Maybe<ApiKey>;
  /** An edge for our `ApiKey`. May be used by Relay 1. */
  apiKeyEdge?: Maybe<ApiKeyEdge>;
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `ApiKey` mutation. */
export type UpdateApiKeyPayloadApiKeyEdgeArgs = {
  orderBy?: Array<ApiKeyOrderBy>;
};

/** All input for the `updatePostById` mutation. */
export type UpdatePostByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Post` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Post` being updated. */
  patch: PostPatch;
};

/** All input for the `updatePostByTenantIdAndRowId` mutation. */
export type UpdatePostByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Post` being updated. */
  patch: PostPatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updatePost` mutation. */
export type UpdatePostInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Post` being updated. */
  patch: PostPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Post` mutation. */
export type UpdatePostPayload = {
  __typename?: 'UpdatePostPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Post` that was updated by this mutation. */
  post?: Maybe<Post>;
  /** An edge for our `Post`. May be used by Relay 1. */
  postEdge?: Maybe<PostEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `Post` mutation. */
export type UpdatePostPayloadPostEdgeArgs = {
  orderBy?: Array<PostOrderBy>;
};

/** All input for the `updateRoleById` mutation. */
export type UpdateRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Role` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
};

/** All input for the `updateRoleByTenantIdAndKey` mutation. */
export type UpdateRoleByTenantIdAndKeyInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateRoleByTenantIdAndRowId` mutation. */
export type UpdateRoleByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateRole` mutation. */
export type UpdateRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Role` mutation. */
export type UpdateRolePayload = {
  __typename?: 'UpdateRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was updated by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our update `Role` mutation. */
export type UpdateRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the `updateTenantById` mutation. */
export type UpdateTenantByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Tenant` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
};

/** All input for the `updateTenantBySlug` mutation. */
export type UpdateTenantBySlugInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
  slug: Scalars['String']['input'];
};

/** All input for the `updateTenant` mutation. */
export type UpdateTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Tenant` mutation. */
export type UpdateTenantPayload = {
  __typename?: 'UpdateTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Tenant` that was updated by this mutation. */
  tenant?: Maybe<Tenant>;
  /** An edge for our `Tenant`. May be used by Relay 1. */
  tenantEdge?: Maybe<TenantEdge>;
};


/** The output of our update `Tenant` mutation. */
export type UpdateTenantPayloadTenantEdgeArgs = {
  orderBy?: Array<TenantOrderBy>;
};

/** All input for the `updateTenantSettingById` mutation. */
export type UpdateTenantSettingByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `TenantSetting` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `TenantSetting` being updated. */
  patch: TenantSettingPatch;
};

/** All input for the `updateTenantSetting` mutation. */
export type UpdateTenantSettingInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `TenantSetting` being updated. */
  patch: TenantSettingPatch;
  tenantId: Scalars['UUID']['input'];
};

/** The output of our update `TenantSetting` mutation. */
export type UpdateTenantSettingPayload = {
  __typename?: 'UpdateTenantSettingPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `TenantSetting` that was updated by this mutation. */
  tenantSetting?: Maybe<TenantSetting>;
  /** An edge for our `TenantSetting`. May be used by Relay 1. */
  tenantSettingEdge?: Maybe<TenantSettingEdge>;
};


/** The output of our update `TenantSetting` mutation. */
export type UpdateTenantSettingPayloadTenantSettingEdgeArgs = {
  orderBy?: Array<TenantSettingOrderBy>;
};

/** All input for the `updateUserByEmail` mutation. */
export type UpdateUserByEmailInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
};

/** All input for the `updateUserById` mutation. */
export type UpdateUserByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `User` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
};

/** All input for the `updateUser` mutation. */
export type UpdateUserInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `User` mutation. */
export type UpdateUserPayload = {
  __typename?: 'UpdateUserPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `User` that was updated by this mutation. */
  user?: Maybe<User>;
  /** An edge for our `User`. May be used by Relay 1. */
  userEdge?: Maybe<UserEdge>;
};


/** The output of our update `User` mutation. */
export type UpdateUserPayloadUserEdgeArgs = {
  orderBy?: Array<UserOrderBy>;
};

/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type User = Node & {
  __typename?: 'User';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['Datetime']['output'];
  email: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Invitation`. */
  invitationsByAcceptedBy: InvitationConnection;
  /** Reads and enables pagination through a set of `Invitation`. */
  invitationsByInvitedBy: InvitationConnection;
  /** True once the user has proven they control their email address. */
  isVerified: Scalars['Boolean']['output'];
  /** Reads and enables pagination through a set of `Membership`. */
  memberships: MembershipConnection;
  name: Scalars['String']['output'];
  rowId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserInvitationsByAcceptedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserInvitationsByInvitedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};

/** A condition to be used against `User` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type UserCondition = {
  /** Checks for equality with the object’s `email` field. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `User` values. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** A list of edges which contains the `User` and cursor to aid in pagination. */
  edges: Array<Maybe<UserEdge>>;
  /** A list of `User` objects. */
  nodes: Array<Maybe<User>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `User` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `User` edge in the connection. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `User` at the end of the edge. */
  node?: Maybe<User>;
};

/** Methods to use when ordering `User`. */
export type UserOrderBy =
  | 'EMAIL_ASC'
  | 'EMAIL_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC';

/** Represents an update to a `User`. Fields that are set will be updated. */
export type UserPatch = {
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type SubmitContactMessageMutationVariables = Exact<{
  name: Scalars['String']['input'];
  email: Scalars['String']['input'];
  message: Scalars['String']['input'];
}>;


export type SubmitContactMessageMutation = { __typename?: 'Mutation', submitContactMessage?: { __typename?: 'SubmitContactMessagePayload', result?: boolean | null } | null };


export const SubmitContactMessageDocument = {"__meta__":{"hash":"7bcda9c2fcc29c47ec5adb054dab0f418359cfdcc7484a4d200d7f8cf520d393"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitContactMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitContactMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]} as unknown as DocumentNode<SubmitContactMessageMutation, SubmitContactMessageMutationVariables>;