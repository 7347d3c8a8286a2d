/** What the Team card's client components get from the server page. */
export type TeamRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: 'admin' | 'member';
  licence: 'free' | 'office';
  extension: string | null;
  device: { id: string; model: string; mac: string } | null;
};

export type DeviceOption = { id: string; model: string; mac: string };
