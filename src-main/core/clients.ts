// The client organisations an OHS service works for, and their units (sites, departments).

export interface Client {
  id: string;
  name: string;
  /** Nine digits without spaces, checked with the mod-11 check digit; null when not known. */
  orgNumber: string | null;
  naceCode: string | null;
  address: string;
  postalCode: string;
  city: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClientSummary extends Client {
  unitCount: number;
  assessmentCount: number;
}

export interface Unit {
  id: string;
  clientId: string;
  name: string;
  address: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClientDetails extends ClientSummary {
  units: Unit[];
}

/** What a user edits of a client: everything but the id and the timestamps. */
export type ClientValues = Omit<Client, 'id' | 'createdAt' | 'updatedAt'>;

export type UnitValues = Pick<Unit, 'name' | 'address' | 'description'>;
