/**
 * The tenant-wide message id counter. MessageRepository implementations use it inside `append`
 * (which must keep id order equal to seq order within a channel); use cases do not call it.
 */
export interface IdSequence {
  /** A fresh id, greater than every id handed out before in this tenant. Ids may have gaps. */
  next(): Promise<number>;
}
